namespace MeshOps.Envoy.Config;

/// <summary>
/// A sidecar's <c>/config_dump</c> read into typed summaries. Sections are found by <c>@type</c>, never by position
/// (their order shifts with <c>?include_eds</c> and ECDS). Everything here, <see cref="RedactedJson"/> included, has
/// passed credential redaction: a bootstrap's <c>x-consul-token</c> never leaves the SDK.
/// </summary>
public sealed record EnvoyConfigDump
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    /// <summary>The Envoy node ID (consul-k8s: <c>&lt;pod&gt;-&lt;service&gt;-sidecar-proxy</c>).</summary>
    public string? NodeId { get; init; }

    /// <summary>The node's cluster: the Consul service the sidecar fronts.</summary>
    public string? Service { get; init; }

    /// <summary>The Consul namespace and partition from the node metadata, when given.</summary>
    public string? ConsulNamespace { get; init; }

    public string? ConsulPartition { get; init; }

    /// <summary><c>1.22.0</c>, from the node's build version.</summary>
    public string? EnvoyVersion { get; init; }

    /// <summary>The <c>resource</c> this answer was asked for (<c>?resource=dynamic_active_clusters</c>), else null.</summary>
    public string? Resource { get; init; }

    public IReadOnlyList<EnvoyConfigSection> Sections { get; init; } = [];

    public IReadOnlyList<EnvoyListener> Listeners { get; init; } = [];

    /// <summary>Route configurations from RDS and those written inline in listeners.</summary>
    public IReadOnlyList<EnvoyRouteConfiguration> RouteConfigurations { get; init; } = [];

    public IReadOnlyList<EnvoyClusterConfig> Clusters { get; init; } = [];

    /// <summary>EDS and static endpoints; empty unless the dump was asked with <c>?include_eds</c> (see <see cref="IncludesEndpoints"/>).</summary>
    public IReadOnlyList<EnvoyEndpoint> Endpoints { get; init; } = [];

    public bool IncludesEndpoints { get; init; }

    public IReadOnlyList<EnvoySecretConfig> Secrets { get; init; } = [];

    /// <summary>Every intention enforced by the listeners' RBAC filters.</summary>
    public IReadOnlyList<EnvoyIntention> Intentions => Listeners.SelectMany(l => l.Intentions).ToList();

    /// <summary>
    /// Every route once. Envoy lists a listener's inline route configuration again under <c>static_route_configs</c>;
    /// that copy is left out here when the listener's own is present (which also names the listener).
    /// </summary>
    public IReadOnlyList<EnvoyRoute> Routes => RouteConfigurations.Where(r => !RepeatsInline(r)).SelectMany(r => r.Routes).ToList();

    private bool RepeatsInline(EnvoyRouteConfiguration route) =>
        route is { Listener: null, State: EnvoyConfigState.Static }
        && RouteConfigurations.Any(r => r.Listener is not null && r.Name == route.Name);

    /// <summary>
    /// The items of one repeated field (<c>dynamic_active_clusters</c>, <c>static_listeners</c>…), typed. They are picked
    /// by kind and state rather than taken as the whole answer, so a full dump (an Envoy that ignored <c>?resource=</c>,
    /// or a saved one) gives the same items as a resource answer. An unknown field gives none.
    /// </summary>
    public IReadOnlyList<object> ItemsOf(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var isStatic = resource.StartsWith("static_", StringComparison.Ordinal);
        bool InState(EnvoyConfigState state) => resource switch
        {
            _ when isStatic => state == EnvoyConfigState.Static,
            _ when resource.StartsWith("dynamic_active_", StringComparison.Ordinal) => state == EnvoyConfigState.Active,
            _ when resource.StartsWith("dynamic_warming_", StringComparison.Ordinal) => state == EnvoyConfigState.Warming,
            _ => state != EnvoyConfigState.Static,
        };
        IEnumerable<object> items = resource.EndsWith("_clusters", StringComparison.Ordinal) ? Clusters.Where(c => InState(c.State))
            : resource.EndsWith("_listeners", StringComparison.Ordinal) ? Listeners.Where(l => InState(l.State))
            : resource.EndsWith("_route_configs", StringComparison.Ordinal) ? RouteConfigurations.Where(r => r.Listener is null && InState(r.State))
            : resource.EndsWith("_endpoint_configs", StringComparison.Ordinal) ? Endpoints.Where(e => InState(e.State))
            : resource.EndsWith("_secrets", StringComparison.Ordinal) ? Secrets.Where(s => InState(s.State))
            : [];
        return items.ToList();
    }

    /// <summary>The whole answer as indented JSON, credentials masked (what <c>-Raw</c> returns).</summary>
    public required string RedactedJson { get; init; }
}
