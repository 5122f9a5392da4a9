namespace MeshOps.Envoy.Config;

/// <summary>
/// A route configuration: from RDS (<c>RoutesConfigDump</c>, Consul's L7 upstreams) or written inline in a listener's
/// HTTP connection manager (Consul's <c>public_listener</c>, an HTTP upstream's outbound chain).
/// </summary>
public sealed record EnvoyRouteConfiguration
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Name { get; init; }

    public EnvoyConfigState State { get; init; }

    /// <summary>The listener whose connection manager holds this configuration inline; null for RDS ones.</summary>
    public string? Listener { get; init; }

    public string? VersionInfo { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    public IReadOnlyList<EnvoyVirtualHost> VirtualHosts { get; init; } = [];

    /// <summary>Every route of every virtual host, in Envoy's order (first match wins within a virtual host).</summary>
    public IReadOnlyList<EnvoyRoute> Routes => VirtualHosts.SelectMany(v => v.Routes).ToList();

    public override string ToString() => Name;
}
