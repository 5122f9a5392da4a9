namespace MeshOps.Envoy.Config;

/// <summary>
/// One endpoint of a cluster's load assignment (EDS from Consul's catalog, or written in a static cluster). Envoy 1.22
/// leaves <c>cluster_name</c> out of dynamic entries, so <see cref="Cluster"/> may be null there.
/// </summary>
public sealed record EnvoyEndpoint
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public string? Cluster { get; init; }

    public EnvoyConfigState State { get; init; }

    /// <summary><c>ip:port</c> (<c>[v6]:port</c>) or a pipe path.</summary>
    public required string Address { get; init; }

    public string? IPAddress { get; init; }

    public uint? Port { get; init; }

    public string? Hostname { get; init; }

    /// <summary><c>HEALTHY</c>, <c>UNHEALTHY</c> (Consul: a failing check), <c>DRAINING</c>, <c>DEGRADED</c>…; <c>UNKNOWN</c> when omitted.</summary>
    public string HealthStatus { get; init; } = "UNKNOWN";

    public ulong? Weight { get; init; }

    public ulong Priority { get; init; }

    public string? Zone { get; init; }

    public override string ToString() => Address;
}
