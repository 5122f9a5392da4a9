using System.Text.Json.Nodes;
using MeshOps.Simulation.Consul;
using MeshOps.Tests;

namespace MeshOps.Live.Tests.Consul;

/// <summary>
/// Each simulated answer has the shape of the real one: the same property paths as the Consul API docs' sample response
/// in the shared reference data (read at test time; the test fails if it is missing).
/// </summary>
public sealed class ConsulFidelityTests
{
    public static TheoryData<string, string, bool> Endpoints => new()
    {
        { "status-leader.json", "v1/status/leader", false },
        { "catalog-services.json", "v1/catalog/services", true },
        { "catalog-service.json", "v1/catalog/service/web", false },
        { "health-service.json", "v1/health/service/web", false },
        { "config-kind.json", "v1/config/service-defaults", false },
        { "config-kind-name.json", "v1/config/service-defaults/web", false },
        { "connect-ca-roots.json", "v1/connect/ca/roots", false },
        { "connect-intentions-check.json", "v1/connect/intentions/check?source=web&destination=db", false },
        { "connect-intentions-exact.json", "v1/connect/intentions/exact?source=web&destination=db", false },
        { "connect-intentions-match.json", "v1/connect/intentions/match?by=source&name=web", true },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_simulated_answer_has_the_property_paths_of_the_reference(string file, string path, bool keyedByData)
    {
        var reference = await Reference(file);
        await using var server = await SimulatedConsulServer.StartAsync(DocSampleState());

        var simulated = await Get(server, path);

        Assert.Equal(JsonShape.Paths(reference, keyedByData), JsonShape.Paths(simulated, keyedByData));
        Assert.Equal(reference?.GetValueKind(), simulated?.GetValueKind());
    }

    [Fact]
    public async Task Agent_self_has_the_reference_paths_with_debug_config_left_opaque()
    {
        // The reference's DebugConfig is {} (the doc sample's placeholder text was not JSON; see SOURCE.txt).
        var reference = await Reference("agent-self.json");
        await using var server = await SimulatedConsulServer.StartAsync(DocSampleState());

        var simulated = await Get(server, "v1/agent/self");

        Assert.Equal(JsonShape.Paths(reference, opaque: "DebugConfig"), JsonShape.Paths(simulated, opaque: "DebugConfig"));
    }

    [Fact]
    public async Task Health_connect_has_the_reference_paths_plus_the_fields_consul_writes_for_a_proxy()
    {
        var reference = await Reference("health-service.json");
        await using var server = await SimulatedConsulServer.StartAsync(DocSampleState());

        var simulated = await Get(server, "v1/health/connect/web");

        // Service.Kind and Service.Proxy are omitempty in Consul's structs: written for a connect-proxy, absent for the doc's plain service.
        var expected = JsonShape.Paths(reference);
        expected.UnionWith(["[].Service.Kind", "[].Service.Proxy", .. ProxyFields.Select(f => "[].Service.Proxy." + f)]);
        Assert.Equal(expected, JsonShape.Paths(simulated));
    }

    [Fact]
    public void Json_shape_tells_apart_a_renamed_a_missing_and_a_moved_field()
    {
        var original = JsonShape.Paths(JsonNode.Parse("""[{"Service":{"ID":"a","Port":1}}]"""));

        Assert.NotEqual(original, JsonShape.Paths(JsonNode.Parse("""[{"Service":{"Id":"a","Port":1}}]""")));
        Assert.NotEqual(original, JsonShape.Paths(JsonNode.Parse("""[{"Service":{"ID":"a"}}]""")));
        Assert.NotEqual(original, JsonShape.Paths(JsonNode.Parse("""[{"Service":{"ID":"a"},"Port":1}]""")));
        Assert.Equal(
            JsonShape.Paths(JsonNode.Parse("""{"Meta":{}}""")),
            JsonShape.Paths(JsonNode.Parse("""{"Meta":{"k8s-namespace":"shop"}}""")));
    }

    private static readonly string[] ProxyFields = ["DestinationServiceName", "DestinationServiceID", "LocalServiceAddress", "LocalServicePort", "Config", "Upstreams"];

    /// <summary>The doc samples' world: a web service with a sidecar, service-defaults for web and db, web → db allowed.</summary>
    private static ConsulState DocSampleState()
    {
        var state = new ConsulState();
        state.RegisterMeshService("web", "web-5d7b9c8f6-x2x2x", "172.17.0.3", 5000, "default");
        state.PutConfigEntry(new JsonObject { ["Kind"] = "service-defaults", ["Name"] = "db", ["Protocol"] = "tcp" });
        state.PutConfigEntry(new JsonObject { ["Kind"] = "service-defaults", ["Name"] = "web", ["Protocol"] = "http" });
        state.AddIntention("web", "db", ConsulIntentionAction.Allow);
        state.AddIntention("web", "*", ConsulIntentionAction.Allow);
        return state;
    }

    private static async Task<JsonNode?> Reference(string file)
    {
        var path = ReferenceData.Path("consul-api", file);
        Assert.True(File.Exists(path), $"The reference response {path} is missing: the fidelity of the simulated Consul cannot be checked without it.");
        return JsonNode.Parse(await File.ReadAllTextAsync(path));
    }

    private static async Task<JsonNode?> Get(SimulatedConsulServer server, string path)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Consul-Index"), $"{path} has no X-Consul-Index");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync());
    }
}
