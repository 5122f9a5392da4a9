using System.Text.Json.Nodes;
using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Kubernetes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// consul-k8s' config-entry controllers while the cluster runs: each new generation of a consul.hashicorp.com resource
/// written to the API server (kubectl apply, Publish-MeshConfig) is written to Consul as a config entry and gets its
/// Synced condition, True, or False with Consul's error. The runtime faults SyncRefused, EntryDrift and SlowSync change
/// what happens to the entries of the service they name (a ServiceIntentions' destination, another kind's name). Like
/// consul-k8s, it stamps lastSyncedTime and the condition's lastTransitionTime with the time of its reconcile.
/// </summary>
internal sealed class ConfigEntryController(ObjectStore store, ConsulState consul, IReadOnlyList<RuntimeFault> faults)
{
    /// <summary>How late a SlowSync service's entries are synced.</summary>
    public static readonly TimeSpan SlowSyncDelay = TimeSpan.FromSeconds(2);

    private const string ConsulGroup = "consul.hashicorp.com";

    private readonly Lock _gate = new();

    // The generation last reconciled per object; the controller's own status writes keep the generation, so they stop here.
    private readonly Dictionary<(string Kind, string? Namespace, string Name), long> _reconciled = [];

    public void Attach() => store.Written += OnWritten;

    private void OnWritten(JsonObject obj)
    {
        if (!ConsulResourceStatus.IsConsulResource(obj))
        {
            return;
        }

        var key = (obj.Kind(), obj.Namespace(), obj.Name());
        var generation = (long?)obj["metadata"]?["generation"] ?? 1;
        lock (_gate)
        {
            if (_reconciled.TryGetValue(key, out var done) && done == generation)
            {
                return;
            }

            _reconciled[key] = generation;
        }

        if (Faulted(RuntimeFaultKind.SlowSync, obj))
        {
            // consul-k8s writes Synced=Unknown only when it first adds its finalizer (syncUnknown); an update keeps the
            // old status, Synced=True included, until the reconcile writes the new one.
            if (obj["status"] is null)
            {
                ConsulResourceStatus.Set(obj, "Unknown", "Syncing", "waiting to write the config entry to Consul", ConsulResourceStatus.Now());
                store.Put(obj);
            }

            _ = Task.Delay(SlowSyncDelay).ContinueWith(_ => Sync(key), TaskScheduler.Default);
            return;
        }

        Sync(obj);
    }

    private void Sync((string Kind, string? Namespace, string Name) key)
    {
        if (store.Get(ConsulGroup, key.Kind, key.Namespace, key.Name) is { } current)
        {
            Sync(current);
        }
    }

    private void Sync(JsonObject obj) => Sync(obj, retryRefused: true);

    private void Sync(JsonObject obj, bool retryRefused)
    {
        var refusal = ConsulResourceStatus.Refusal(obj, ProtocolInConsul)
            ?? ConsulResourceStatus.ServiceDefaultsRefusal(obj, GlobalProtocol(), HoldsL7IntentionsFor(obj.Name()))
            ?? ConsulResourceStatus.ProxyDefaultsRefusal(obj, L7ServicesWithoutOwnProtocol())
            ?? (Faulted(RuntimeFaultKind.SyncRefused, obj)
            ? $"writing config entry to consul: Unexpected response code: 403 (Permission denied: token lacks permission 'intention:write' on \"{Service(obj)}\")"
            : null);
        if (refusal is null && ConsulCatalog.Entry(obj, consul) is { } entry)
        {
            consul.PutConfigEntry(Faulted(RuntimeFaultKind.EntryDrift, obj) ? Drifted(entry) : entry);
        }

        ConsulResourceStatus.Set(obj, refusal is null ? "True" : "False", refusal is null ? null : "ConsulAgentError", refusal, ConsulResourceStatus.Now());
        store.Put(obj);
        if (refusal is null && retryRefused)
        {
            RetryRefused();
        }
    }

    /// <summary>
    /// consul-k8s returns a failed write from its reconcile, so controller-runtime tries it again with backoff; an entry
    /// Consul refused for what another entry said (an L7 intention before its service became http) syncs once that
    /// changes. Here the retry comes right after each accepted write, the only moment the answer can change.
    /// </summary>
    private void RetryRefused()
    {
        foreach (var kind in RetriedKinds)
        {
            foreach (var refused in store.List(ConsulGroup, kind, null).Where(IsRefusedByConsul))
            {
                Sync(refused, retryRefused: false);
            }
        }
    }

    private static readonly string[] RetriedKinds = ["ServiceIntentions", "ServiceDefaults", "ProxyDefaults"];

    private bool IsRefusedByConsul(JsonObject obj) =>
        !Faulted(RuntimeFaultKind.SyncRefused, obj)
        && obj["status"]?["conditions"]?[0] is JsonObject { } condition
        && (string?)condition["status"] == "False" && (string?)condition["reason"] == "ConsulAgentError";

    /// <summary>Whether Consul holds a service-intentions entry for the service that gives some source HTTP permissions.</summary>
    private bool HoldsL7IntentionsFor(string service) =>
        consul.ConfigEntry("service-intentions", service)?["Sources"] is JsonArray sources
        && sources.OfType<JsonObject>().Any(s => s["Permissions"] is JsonArray { Count: > 0 });

    /// <summary>The services Consul holds HTTP permissions for whose protocol comes from the global proxy-defaults, in name order.</summary>
    private IEnumerable<string> L7ServicesWithoutOwnProtocol() =>
        consul.ConfigEntries("service-intentions")
            .Select(e => (string?)e["Name"])
            .OfType<string>()
            .Where(s => s != "*" && HoldsL7IntentionsFor(s) && OwnProtocol(s) is null)
            .Order(StringComparer.Ordinal);

    /// <summary>A service's protocol as Consul holds it: its service-defaults, else the global proxy-defaults, else tcp.</summary>
    private string ProtocolInConsul(string service) => OwnProtocol(service) ?? GlobalProtocol() ?? "tcp";

    // An empty protocol is no protocol to Consul, in either entry.
    private string? OwnProtocol(string service) => NonEmpty(consul.ConfigEntry("service-defaults", service)?["Protocol"]);

    private string? GlobalProtocol() => NonEmpty(consul.ConfigEntry("proxy-defaults", "global")?["Config"]?["protocol"]);

    private static string? NonEmpty(JsonNode? value) => (string?)value is { Length: > 0 } text ? text : null;

    /// <summary>What someone changed in Consul directly: the first source's action flipped, or the protocol changed.</summary>
    private static JsonObject Drifted(JsonObject entry)
    {
        if (entry["Sources"] is JsonArray { Count: > 0 } sources && sources[0] is JsonObject first && first["Action"] is JsonValue action)
        {
            first["Action"] = (string?)action == "allow" ? "deny" : "allow";
        }
        else
        {
            entry["Protocol"] = (string?)entry["Protocol"] == "tcp" ? "http" : "tcp";
        }

        return entry;
    }

    private bool Faulted(RuntimeFaultKind kind, JsonObject obj) => faults.Any(f => f.Applies(kind, Service(obj)));

    private static string Service(JsonObject obj) =>
        obj.Kind() == "ServiceIntentions" ? obj.Text("spec", "destination", "name") ?? obj.Name() : obj.Name();
}
