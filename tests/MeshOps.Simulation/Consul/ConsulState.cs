using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Consul;

/// <summary>
/// What a simulated Consul server knows: its datacenter and leader, the catalog (instances with health), config entries
/// (service-intentions among them: intentions are read back from those, as Consul 1.9+ does), and the CA roots. Safe to
/// change while a server answers from it; every change moves the Raft index that X-Consul-Index reports.
/// </summary>
public sealed class ConsulState
{
    private readonly Lock _gate = new();
    private readonly List<ConsulServiceInstance> _instances = [];
    private readonly SortedDictionary<(string Kind, string Name), JsonObject> _entries = [];
    private ulong _index = 10;
    private string _leader;

    public ConsulState(string datacenter = "dc1", string serverAddress = "10.244.0.10")
    {
        Datacenter = datacenter;
        ServerAddress = serverAddress;
        _leader = serverAddress + ":8300";
        TrustDomain = $"{Guid.NewGuid()}.consul";
        CaRoot = ConsulCaRoot.Create(TrustDomain, DateTimeOffset.UtcNow);
        // Every server registers itself as the "consul" service on its Raft port.
        _instances.Add(new ConsulServiceInstance("consul", "consul", NodeName, serverAddress, 8300) { NodeAddress = serverAddress, CreateIndex = _index, ModifyIndex = _index });
    }

    public string Datacenter { get; }

    /// <summary>
    /// Consul Enterprise namespaces, which consul-k8s fills by mirroring Kubernetes namespaces with this prefix; null
    /// for CE, whose HTTP API refuses the ns parameter.
    /// </summary>
    public string? NamespaceMirroringPrefix { get; init; }

    public bool NamespacesEnabled => NamespaceMirroringPrefix is not null;

    /// <summary>The Consul namespace consul-k8s registers a Kubernetes namespace's services and entries in: mirrored on Enterprise, "default" on CE.</summary>
    public string NamespaceOf(string kubernetesNamespace) =>
        NamespaceMirroringPrefix is { } prefix ? prefix + kubernetesNamespace : "default";

    /// <summary>The server's pod IP; the leader is this address on the Raft port 8300.</summary>
    public string ServerAddress { get; }

    public const string NodeName = "consul-server-0";

    public string Version { get; init; } = "1.19.2";

    /// <summary>The ACL default policy: what an intentions check answers when no intention matches.</summary>
    public bool DefaultAllow { get; set; } = true;

    public string TrustDomain { get; }

    public ConsulCaRoot CaRoot { get; }

    /// <summary>"ip:8300", or "" while there is no leader (what /v1/status/leader answers then).</summary>
    public string Leader
    {
        get { lock (_gate) return _leader; }
        set { lock (_gate) { _leader = value; _index++; } }
    }

    /// <summary>The Raft index: it grows with every change.</summary>
    public ulong Index
    {
        get { lock (_gate) return _index; }
    }

    public void Register(ConsulServiceInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        lock (_gate)
        {
            _index++;
            _instances.RemoveAll(i => i.Id == instance.Id && i.Node == instance.Node);
            _instances.Add(instance with { CreateIndex = _index, ModifyIndex = _index });
        }
    }

    /// <summary>
    /// A pod in the mesh as consul-k8s registers it: the service instance and its sidecar proxy
    /// ("&lt;service&gt;-sidecar-proxy", port 20000), on the synthetic node "&lt;k8s node&gt;-virtual".
    /// </summary>
    public void RegisterMeshService(string service, string pod, string podAddress, int port, string kubernetesNamespace,
        string kubernetesNode = "node-1", ConsulCheckStatus health = ConsulCheckStatus.Passing, string consulNamespace = "default")
    {
        var node = kubernetesNode + "-virtual";
        var meta = new Dictionary<string, string>
        {
            ["k8s-namespace"] = kubernetesNamespace,
            ["k8s-service-name"] = service,
            ["managed-by"] = "consul-k8s-endpoints-controller",
            ["pod-name"] = pod,
            ["synthetic-node"] = "true",
        };
        var nodeMeta = new Dictionary<string, string> { ["synthetic-node"] = "true" };
        var id = $"{pod}-{service}";
        Register(new ConsulServiceInstance(id, service, node, podAddress, port) { Meta = meta, NodeMeta = nodeMeta, Health = health, Namespace = consulNamespace });
        Register(new ConsulServiceInstance(id + "-sidecar-proxy", service + "-sidecar-proxy", node, podAddress, 20000)
        {
            Kind = ConsulServiceKind.ConnectProxy,
            DestinationService = service,
            DestinationServiceId = id,
            LocalServicePort = port,
            Meta = meta,
            NodeMeta = nodeMeta,
            Health = health,
            Namespace = consulNamespace,
        });
    }

    /// <summary>Removes every instance of the service and of its sidecar proxies; returns how many went.</summary>
    public int Deregister(string service)
    {
        lock (_gate)
        {
            _index++;
            return _instances.RemoveAll(i => i.Service == service || (i.Kind == ConsulServiceKind.ConnectProxy && i.DestinationService == service));
        }
    }

    /// <summary>Sets the check status of every instance of the service and of its sidecar proxies.</summary>
    public void SetHealth(string service, ConsulCheckStatus health)
    {
        lock (_gate)
        {
            _index++;
            for (var i = 0; i < _instances.Count; i++)
            {
                var instance = _instances[i];
                if (instance.Service == service || instance.DestinationService == service)
                {
                    _instances[i] = instance with { Health = health, ModifyIndex = _index };
                }
            }
        }
    }

    public IReadOnlyList<ConsulServiceInstance> Instances
    {
        get { lock (_gate) return [.. _instances]; }
    }

    /// <summary>Writes a config entry (Kind and Name required), as PUT /v1/config does; the indexes are the server's.</summary>
    public void PutConfigEntry(JsonObject entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var kind = entry["Kind"]?.GetValue<string>() ?? throw new ArgumentException("A config entry needs a Kind.", nameof(entry));
        var name = entry["Name"]?.GetValue<string>() ?? throw new ArgumentException("A config entry needs a Name.", nameof(entry));
        lock (_gate)
        {
            _index++;
            var copy = (JsonObject)entry.DeepClone();
            var created = _entries.TryGetValue((kind, name), out var old) ? old["CreateIndex"]!.GetValue<ulong>() : _index;
            copy.Remove("CreateIndex");
            copy.Remove("ModifyIndex");
            copy["CreateIndex"] = created;
            copy["ModifyIndex"] = _index;
            _entries[(kind, name)] = copy;
        }
    }

    public bool DeleteConfigEntry(string kind, string name)
    {
        lock (_gate)
        {
            _index++;
            return _entries.Remove((kind, name));
        }
    }

    /// <summary>The entries of one kind, by name; copies, so a caller cannot change the state behind its lock.</summary>
    public IReadOnlyList<JsonObject> ConfigEntries(string kind)
    {
        lock (_gate)
        {
            return [.. _entries.Where(e => e.Key.Kind == kind).Select(e => (JsonObject)e.Value.DeepClone())];
        }
    }

    public JsonObject? ConfigEntry(string kind, string name)
    {
        lock (_gate)
        {
            return _entries.TryGetValue((kind, name), out var entry) ? (JsonObject)entry.DeepClone() : null;
        }
    }

    /// <summary>
    /// Adds (or replaces) one source on the destination's service-intentions entry, as `consul intention create` does
    /// since Consul 1.9.
    /// </summary>
    public void AddIntention(string source, string destination, ConsulIntentionAction action, string description = "")
    {
        var entry = ConfigEntry("service-intentions", destination)
            ?? new JsonObject { ["Kind"] = "service-intentions", ["Name"] = destination, ["Sources"] = new JsonArray() };
        var sources = entry["Sources"] as JsonArray ?? [];
        foreach (var old in sources.Where(s => s?["Name"]?.GetValue<string>() == source).ToList())
        {
            sources.Remove(old);
        }

        sources.Add(new JsonObject
        {
            ["Name"] = source,
            ["Action"] = action == ConsulIntentionAction.Allow ? "allow" : "deny",
            ["Description"] = description,
            ["Type"] = "consul",
        });
        entry["Sources"] = sources;
        PutConfigEntry(entry);
    }

    /// <summary>Every intention, from the service-intentions entries, highest precedence first (Consul's sort).</summary>
    public IReadOnlyList<ConsulIntention> Intentions()
    {
        var list = new List<ConsulIntention>();
        foreach (var entry in ConfigEntries("service-intentions"))
        {
            var destination = entry["Name"]!.GetValue<string>();
            var destinationNs = entry["Namespace"]?.GetValue<string>() ?? "default";
            var created = entry["CreateIndex"]!.GetValue<ulong>();
            var modified = entry["ModifyIndex"]!.GetValue<ulong>();
            foreach (var source in (entry["Sources"] as JsonArray ?? []).OfType<JsonObject>())
            {
                var action = source["Action"]?.GetValue<string>() switch
                {
                    "allow" => ConsulIntentionAction.Allow,
                    "deny" => ConsulIntentionAction.Deny,
                    _ => (ConsulIntentionAction?)null,
                };
                list.Add(new ConsulIntention(
                    source["Name"]!.GetValue<string>(), destination, action, source["Permissions"] is JsonArray { Count: > 0 },
                    source["Description"]?.GetValue<string>() ?? "", created, modified)
                {
                    SourceNS = source["Namespace"]?.GetValue<string>() ?? destinationNs,
                    DestinationNS = destinationNs,
                });
            }
        }

        return [.. list
            .OrderByDescending(i => i.Precedence)
            .ThenBy(i => i.SourceNS, StringComparer.Ordinal).ThenBy(i => i.SourceName, StringComparer.Ordinal)
            .ThenBy(i => i.DestinationNS, StringComparer.Ordinal).ThenBy(i => i.DestinationName, StringComparer.Ordinal)];
    }
}
