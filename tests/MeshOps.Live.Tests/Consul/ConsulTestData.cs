using System.Text.Json.Nodes;
using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Consul;

/// <summary>A small HashiCups catalog, and a client pointed at a simulated server with waits short enough for tests.</summary>
internal static class ConsulTestData
{
    public const string Token = "6f1c3b2e-9a4d-4f7e-8c21-5d0e9b7a3c44";

    /// <param name="namespaceMirroringPrefix">Consul Enterprise with namespaces (mirroring with this prefix); null for CE.</param>
    public static ConsulState HashiCups(string? namespaceMirroringPrefix = null)
    {
        var state = new ConsulState { NamespaceMirroringPrefix = namespaceMirroringPrefix };
        state.RegisterMeshService("frontend", "frontend-7d9f8b6c5-abcde", "10.244.1.10", 3000, "shop");
        state.RegisterMeshService("public-api", "public-api-5c6d7f8b9-fghij", "10.244.1.11", 8080, "shop");
        state.RegisterMeshService("product-api", "product-api-6b7c8d9e0-klmno", "10.244.1.12", 9090, "shop", health: ConsulCheckStatus.Critical);
        state.PutConfigEntry(new JsonObject { ["Kind"] = "service-defaults", ["Name"] = "public-api", ["Protocol"] = "http" });
        state.PutConfigEntry(new JsonObject { ["Kind"] = "service-defaults", ["Name"] = "product-api", ["Protocol"] = "http" });
        state.PutConfigEntry(new JsonObject { ["Kind"] = "proxy-defaults", ["Name"] = "global", ["Config"] = new JsonObject { ["protocol"] = "http" } });
        state.AddIntention("*", "product-api", ConsulIntentionAction.Deny);
        state.AddIntention("public-api", "product-api", ConsulIntentionAction.Allow);
        state.AddIntention("frontend", "public-api", ConsulIntentionAction.Allow);
        return state;
    }

    public static ClientTimeouts Fast { get; } = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromMilliseconds(1) };

    public static ConsulClient Client(SimulatedConsulServer server, string? token = null, ClientTimeouts? timeouts = null, Action<RetryNotice>? onRetry = null) =>
        new(new ConsulClientOptions
        {
            Address = server.BaseAddress.ToString(),
            Token = token is null ? null : new ConsulToken(token),
            Timeouts = timeouts ?? Fast,
            OnRetry = onRetry,
        }, NoEnvironment);

    public static string? NoEnvironment(string name) => null;
}
