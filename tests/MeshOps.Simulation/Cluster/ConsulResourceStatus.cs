using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The status consul-k8s' config-entry controllers write on each consul.hashicorp.com resource: Synced True once the
/// entry is written to Consul, or False with Consul's refusal (a ServiceIntentions that names one source twice, or that
/// gives HTTP permissions for a service whose protocol is not HTTP, and a ServiceDefaults or global ProxyDefaults that
/// would take HTTP away from a service holding such permissions). The objects the cluster starts with carry a fixed
/// time (so their output stays the same); a reconcile while it runs stamps its own time, as consul-k8s'
/// SetSyncedCondition and syncSuccessful stamp metav1.Now() (whole seconds).
/// </summary>
internal static class ConsulResourceStatus
{
    private const string StartedAt = "2026-01-05T09:00:00Z";

    public static bool IsConsulResource(JsonObject obj) => obj.Text("apiVersion")?.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal) == true;

    /// <summary>Writes the status and says whether Consul accepted the entry; <paramref name="protocolOf"/> gives a service's protocol in force.</summary>
    public static bool Write(JsonObject obj, Func<string, string> protocolOf)
    {
        var refusal = Refusal(obj, protocolOf);
        Set(obj, refusal is null ? "True" : "False", refusal is null ? null : "ConsulAgentError", refusal, StartedAt);
        return refusal is null;
    }

    /// <summary>Sets the Synced condition (True, False or Unknown) with the controller's reason and message, at <paramref name="at"/>.</summary>
    public static void Set(JsonObject obj, string synced, string? reason, string? message, string at)
    {
        var condition = new JsonObject
        {
            ["type"] = "Synced",
            ["status"] = synced,
            ["lastTransitionTime"] = at,
        };
        if (reason is not null)
        {
            condition["reason"] = reason;
            condition["message"] = message;
        }

        var status = new JsonObject { ["conditions"] = new JsonArray(condition) };
        if (synced == "True")
        {
            status["lastSyncedTime"] = at;
        }

        obj["status"] = status;
    }

    /// <summary>The time now as metav1.Time writes it: RFC 3339 in UTC, whole seconds.</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>
    /// Consul's refusal of the entry, or null when it takes it: a ServiceIntentions naming one source twice (the entry's
    /// own validation), or one with HTTP permissions for a destination whose protocol in force, by
    /// <paramref name="protocolOf"/>, is not HTTP (the state store's graph check, agent/consul/state/config_entry.go).
    /// </summary>
    public static string? Refusal(JsonObject obj, Func<string, string> protocolOf)
    {
        if (obj.Kind() != "ServiceIntentions")
        {
            return null;
        }

        var sources = (obj["spec"]?["sources"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var duplicate = sources
            .GroupBy(s => (s.Text("name"), s.Text("namespace"), s.Text("partition"), s.Text("peer")))
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return $"writing config entry to consul: Unexpected response code: 500 (Config entry is invalid: Sources[1] defines \"{duplicate.Key.Item1}\" more than once)";
        }

        var destination = obj.Text("spec", "destination", "name");
        if (destination is null or "*" || !sources.Any(s => s["permissions"] is JsonArray { Count: > 0 }))
        {
            return null;
        }

        var protocol = protocolOf(destination);
        return IsHttp(protocol) ? null : IncompatibleWithL7(destination, protocol);
    }

    /// <summary>
    /// The other order of the same graph check: with HTTP permissions for a service already in Consul
    /// (<paramref name="holdsL7Intentions"/>), a ServiceDefaults giving it a protocol that is not HTTP is refused. Its
    /// own protocol counts, else the global ProxyDefaults' (<paramref name="globalProtocol"/>), else tcp.
    /// </summary>
    public static string? ServiceDefaultsRefusal(JsonObject obj, string? globalProtocol, bool holdsL7Intentions)
    {
        if (obj.Kind() != "ServiceDefaults" || !holdsL7Intentions)
        {
            return null;
        }

        var protocol = obj.Text("spec", "protocol") is { Length: > 0 } own ? own : globalProtocol ?? "tcp";
        return IsHttp(protocol) ? null : IncompatibleWithL7(obj.Name(), protocol);
    }

    /// <summary>
    /// The same graph check for the global ProxyDefaults (every ProxyDefaults is written to Consul as "global", see
    /// <see cref="ConsulCatalog"/>): Consul recompiles every service that holds HTTP permissions with the new entry, so a
    /// protocol that is not HTTP is refused while one of them has no protocol of its own
    /// (<paramref name="l7ServicesWithoutOwnProtocol"/>, the first named in the refusal).
    /// </summary>
    public static string? ProxyDefaultsRefusal(JsonObject obj, IEnumerable<string> l7ServicesWithoutOwnProtocol)
    {
        if (obj.Kind() != "ProxyDefaults")
        {
            return null;
        }

        var protocol = obj.Text("spec", "config", "protocol") is { Length: > 0 } own ? own : "tcp";
        if (IsHttp(protocol))
        {
            return null;
        }

        var service = l7ServicesWithoutOwnProtocol.FirstOrDefault();
        return service is null ? null : IncompatibleWithL7(service, protocol);
    }

    private static bool IsHttp(string protocol) => protocol is "http" or "http2" or "grpc";

    // The graph check's error (state/config_entry.go), as consul-k8s writes a failed write into the Synced condition.
    private static string IncompatibleWithL7(string service, string protocol) =>
        $"writing config entry to consul: Unexpected response code: 500 (service \"{service}\" has protocol \"{protocol}\", which is incompatible with L7 intentions permissions)";

    /// <summary>
    /// A service's protocol as Consul compiles it from the resources given: its ServiceDefaults, else the global
    /// ProxyDefaults' config.protocol, else tcp.
    /// </summary>
    public static Func<string, string> ProtocolsOf(IEnumerable<JsonObject> resources)
    {
        var list = resources.ToList();
        var global = list.FirstOrDefault(o => o.Kind() == "ProxyDefaults" && o.Name() == "global")?.Text("spec", "config", "protocol");
        var services = list.Where(o => o.Kind() == "ServiceDefaults" && o.Text("spec", "protocol") is not null)
            .GroupBy(o => o.Name(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Text("spec", "protocol")!, StringComparer.Ordinal);
        return service => services.GetValueOrDefault(service) ?? global ?? "tcp";
    }
}
