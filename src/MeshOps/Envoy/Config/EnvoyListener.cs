namespace MeshOps.Envoy.Config;

/// <summary>
/// One listener of a sidecar: Consul's <c>public_listener:&lt;pod ip&gt;:20000</c> (mTLS from other services, RBAC from
/// intentions, then <c>local_app</c>), <c>outbound_listener:127.0.0.1:15001</c> (transparent proxy: one filter chain per
/// upstream, matched on its ClusterIP and virtual IP) or an explicit upstream's listener.
/// </summary>
public sealed record EnvoyListener
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Name { get; init; }

    /// <summary><c>ip:port</c>, or a pipe path.</summary>
    public string? Address { get; init; }

    public string? IPAddress { get; init; }

    public uint? Port { get; init; }

    public EnvoyTrafficDirection Direction { get; init; }

    public EnvoyConfigState State { get; init; }

    public string? VersionInfo { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Why Envoy rejected the last update of this listener (xDS NACK), or null.</summary>
    public string? ErrorDetails { get; init; }

    /// <summary>Listener filters by name (<c>envoy.filters.listener.original_dst</c>, <c>tls_inspector</c>).</summary>
    public IReadOnlyList<string> ListenerFilters { get; init; } = [];

    /// <summary>The filter chains in Envoy's order, the default chain (if any) last.</summary>
    public IReadOnlyList<EnvoyFilterChain> FilterChains { get; init; } = [];

    /// <summary>Every intention the listener's RBAC filters enforce.</summary>
    public IReadOnlyList<EnvoyIntention> Intentions => FilterChains.SelectMany(c => c.Rbac).SelectMany(r => r.Intentions).ToList();

    public override string ToString() => Name;
}
