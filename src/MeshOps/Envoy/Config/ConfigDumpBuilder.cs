using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>
/// Collects the resources of one dump section by section. Bootstrap and clusters are read first (<see cref="Seal"/>),
/// since the listeners' intentions need what they tell: the service the sidecar fronts, this mesh's trust domain and
/// the trust domains of its peers.
/// </summary>
internal sealed class ConfigDumpBuilder(EnvoySource source, string? resource)
{
    private readonly List<EnvoyListener> _listeners = [];
    private readonly List<EnvoyRouteConfiguration> _routes = [];
    private readonly List<EnvoyClusterConfig> _clusters = [];
    private readonly List<EnvoyEndpoint> _endpoints = [];
    private readonly List<EnvoySecretConfig> _secrets = [];
    private ConfigContext _context = new(source);
    private string? _nodeId;
    private string? _namespace;
    private string? _partition;
    private string? _version;
    private bool _includesEndpoints;
    private bool _sealed;

    private EnvoyConfigState ItemState => resource?.Contains("warming", StringComparison.Ordinal) == true ? EnvoyConfigState.Warming : EnvoyConfigState.Active;

    public void Bootstrap(JsonNode? bootstrap)
    {
        var node = Get(bootstrap, "node");
        _nodeId = String(node, "id");
        _namespace = String(Get(node, "metadata"), "namespace");
        _partition = String(Get(node, "metadata"), "partition");
        var version = Path(node, "user_agent_build_version", "version");
        if (version is not null)
            _version = $"{UInt(version, "major_number") ?? 0}.{UInt(version, "minor_number") ?? 0}.{UInt(version, "patch") ?? 0}";
        _context = _context with { Service = String(node, "cluster") };
    }

    public void Clusters(string type, JsonNode config)
    {
        switch (type)
        {
            case "ClustersConfigDump":
                foreach (var entry in Array(config, "static_clusters"))
                    AddCluster(entry, EnvoyConfigState.Static);
                foreach (var entry in Array(config, "dynamic_active_clusters"))
                    AddCluster(entry, EnvoyConfigState.Active);
                foreach (var entry in Array(config, "dynamic_warming_clusters"))
                    AddCluster(entry, EnvoyConfigState.Warming);
                break;
            case "ClustersConfigDump.StaticCluster":
                AddCluster(config, EnvoyConfigState.Static);
                break;
            case "ClustersConfigDump.DynamicCluster":
                AddCluster(config, ItemState);
                break;
        }
    }

    /// <summary>Derives from the clusters what the listeners need; call after the last <see cref="Clusters"/>.</summary>
    public void Seal()
    {
        var upstreams = _clusters.Select(c => c.Consul).ToList();
        var local = upstreams.Where(c => c.Role is EnvoyClusterRole.Upstream && c.TrustDomain is not null)
            .GroupBy(c => c.TrustDomain!, StringComparer.OrdinalIgnoreCase).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var peers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cluster in _clusters.Where(c => c.Consul.Role == EnvoyClusterRole.PeeredUpstream && c.Consul.Peer is not null))
        {
            foreach (var san in cluster.ExpectedSans.Where(s => s.StartsWith("spiffe://", StringComparison.Ordinal)))
                peers.TryAdd(san["spiffe://".Length..].Split('/')[0], cluster.Consul.Peer!);
        }

        _context = _context with { LocalTrustDomain = local, PeersByTrustDomain = peers };
        _sealed = true;
    }

    /// <summary>Reads one section (clusters and bootstrap were read before); returns how many resources it holds.</summary>
    public int Add(string type, JsonNode config)
    {
        if (!_sealed)
            throw new InvalidOperationException("clusters must be read before the other sections");
        var before = Count;
        switch (type)
        {
            case "BootstrapConfigDump":
                return 1;
            case "ClustersConfigDump":
                return Array(config, "static_clusters").Count() + Array(config, "dynamic_active_clusters").Count() + Array(config, "dynamic_warming_clusters").Count();
            case "ClustersConfigDump.StaticCluster" or "ClustersConfigDump.DynamicCluster":
                return 1;
            case "ListenersConfigDump":
                foreach (var entry in Array(config, "static_listeners"))
                    AddListener(Get(entry, "listener"), EnvoyConfigState.Static, entry, null);
                foreach (var entry in Array(config, "dynamic_listeners"))
                    AddDynamicListener(entry);
                break;
            case "ListenersConfigDump.StaticListener":
                AddListener(Get(config, "listener"), EnvoyConfigState.Static, config, null);
                break;
            case "ListenersConfigDump.DynamicListener":
                AddDynamicListener(config);
                break;
            case "RoutesConfigDump":
                foreach (var entry in Array(config, "static_route_configs"))
                    AddRoute(entry, EnvoyConfigState.Static);
                foreach (var entry in Array(config, "dynamic_route_configs"))
                    AddRoute(entry, EnvoyConfigState.Active);
                break;
            case "RoutesConfigDump.StaticRouteConfig":
                AddRoute(config, EnvoyConfigState.Static);
                break;
            case "RoutesConfigDump.DynamicRouteConfig":
                AddRoute(config, ItemState);
                break;
            case "EndpointsConfigDump":
                _includesEndpoints = true;
                foreach (var entry in Array(config, "static_endpoint_configs"))
                    AddEndpoints(entry, EnvoyConfigState.Static);
                foreach (var entry in Array(config, "dynamic_endpoint_configs"))
                    AddEndpoints(entry, EnvoyConfigState.Active);
                break;
            case "EndpointsConfigDump.StaticEndpointConfig":
                _includesEndpoints = true;
                AddEndpoints(config, EnvoyConfigState.Static);
                break;
            case "EndpointsConfigDump.DynamicEndpointConfig":
                _includesEndpoints = true;
                AddEndpoints(config, ItemState);
                break;
            case "SecretsConfigDump":
                foreach (var entry in Array(config, "static_secrets"))
                    AddSecret(entry, EnvoyConfigState.Static);
                foreach (var entry in Array(config, "dynamic_active_secrets"))
                    AddSecret(entry, EnvoyConfigState.Active);
                foreach (var entry in Array(config, "dynamic_warming_secrets"))
                    AddSecret(entry, EnvoyConfigState.Warming);
                break;
            case "SecretsConfigDump.StaticSecret":
                AddSecret(config, EnvoyConfigState.Static);
                break;
            case "SecretsConfigDump.DynamicSecret":
                AddSecret(config, ItemState);
                break;
            default:
                // ScopedRoutes (always empty with Consul), ECDS, or a section of a newer Envoy: listed, not read.
                return config is JsonObject obj ? obj.Count(p => p.Value is JsonArray) : 0;
        }

        return Count - before;
    }

    public EnvoyConfigDump Build(IReadOnlyList<EnvoyConfigSection> sections, string redactedJson) => new()
    {
        Source = source,
        NodeId = _nodeId,
        Service = _context.Service,
        ConsulNamespace = _namespace,
        ConsulPartition = _partition,
        EnvoyVersion = _version,
        Resource = resource is null ? null : Secrets.OutputText.Clean(resource),
        Sections = sections,
        Listeners = _listeners,
        RouteConfigurations = _routes,
        Clusters = _clusters,
        Endpoints = _endpoints,
        IncludesEndpoints = _includesEndpoints,
        Secrets = _secrets,
        RedactedJson = redactedJson,
    };

    private int Count => _listeners.Count + _routes.Count + _endpoints.Count + _secrets.Count;

    private void AddCluster(JsonNode entry, EnvoyConfigState state)
    {
        var cluster = Get(entry, "cluster") ?? throw new InvalidOperationException("a cluster entry has no cluster");
        _clusters.Add(ClusterReader.Read(cluster, state, entry, _context));
    }

    private void AddDynamicListener(JsonNode entry)
    {
        var error = String(Get(entry, "error_state"), "details");
        var states = new[] { ("active_state", EnvoyConfigState.Active), ("warming_state", EnvoyConfigState.Warming), ("draining_state", EnvoyConfigState.Draining) };
        var found = false;
        foreach (var (field, state) in states)
        {
            if (Get(entry, field) is { } version)
            {
                AddListener(Get(version, "listener"), state, version, error);
                found = true;
            }
        }

        if (!found && Get(entry, "error_state") is { } rejected)
            _listeners.Add(ListenerReader.Rejected(String(entry, "name") ?? "", rejected, _context));
    }

    private void AddListener(JsonNode? listener, EnvoyConfigState state, JsonNode? entry, string? error)
    {
        var (result, inline) = ListenerReader.Read(listener ?? throw new InvalidOperationException("a listener entry has no listener"), state, entry, error, _context);
        _listeners.Add(result);
        _routes.AddRange(inline);
    }

    private void AddRoute(JsonNode entry, EnvoyConfigState state)
    {
        var config = Get(entry, "route_config") ?? throw new InvalidOperationException("a route entry has no route_config");
        _routes.Add(RouteReader.Read(config, state, listener: null, entry, _context));
    }

    private void AddEndpoints(JsonNode entry, EnvoyConfigState state)
    {
        var assignment = Get(entry, "endpoint_config") ?? throw new InvalidOperationException("an endpoint entry has no endpoint_config");
        _endpoints.AddRange(EndpointReader.Read(assignment, state, _context));
    }

    private void AddSecret(JsonNode entry, EnvoyConfigState state)
    {
        var secret = Get(entry, "secret");
        var kind = secret is JsonObject obj
            ? obj.Select(p => p.Key).FirstOrDefault(k => k is "tls_certificate" or "validation_context" or "session_ticket_keys" or "generic_secret")
            : null;
        _secrets.Add(new EnvoySecretConfig
        {
            Source = source,
            Name = String(entry, "name") ?? String(secret, "name") ?? "",
            State = state,
            Kind = kind switch
            {
                "tls_certificate" => "TlsCertificate",
                "validation_context" => "ValidationContext",
                "session_ticket_keys" => "SessionTicketKeys",
                "generic_secret" => "GenericSecret",
                _ => null,
            },
            LastUpdated = Timestamp(entry, "last_updated"),
        });
    }
}
