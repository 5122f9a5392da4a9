namespace MeshOps.Envoy.Config;

/// <summary>
/// A cluster as configured (from <c>/config_dump</c>; <c>Get-EnvoyCluster</c> shows its live state from <c>/clusters</c>):
/// its discovery type, connect timeout and the TLS identity Envoy expects of the upstream (SNI and SPIFFE SANs).
/// </summary>
public sealed record EnvoyClusterConfig
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Name { get; init; }

    /// <summary>The name decoded as Consul builds it (service, namespace, partition, datacenter, peer).</summary>
    public ConsulClusterName Consul => ConsulClusterName.Parse(Name);

    public string? Service => Consul.Service;

    /// <summary><c>STATIC</c>, <c>STRICT_DNS</c>, <c>LOGICAL_DNS</c>, <c>EDS</c>, <c>ORIGINAL_DST</c>, or a custom type's name (<c>envoy.clusters.aggregate</c>).</summary>
    public required string Type { get; init; }

    public EnvoyConfigState State { get; init; }

    /// <summary>The connect timeout; Envoy's 5 s when the config leaves it out.</summary>
    public TimeSpan ConnectTimeout { get; init; }

    public string? LbPolicy { get; init; }

    /// <summary>Whether connections to the upstream are TLS (Consul's mTLS between sidecars).</summary>
    public bool Tls { get; init; }

    /// <summary>The SNI sent to the upstream (Consul: the cluster's own SNI name).</summary>
    public string? Sni { get; init; }

    /// <summary>The subject alternative names the upstream's certificate must carry (<c>spiffe://…/svc/payments</c>).</summary>
    public IReadOnlyList<string> ExpectedSans { get; init; } = [];

    public string? EdsServiceName { get; init; }

    public bool Http2 { get; init; }

    /// <summary>Endpoints written in the cluster (static clusters' <c>load_assignment</c>); EDS ones come with <c>-IncludeEds</c>.</summary>
    public IReadOnlyList<EnvoyEndpoint> Endpoints { get; init; } = [];

    public string? VersionInfo { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    /// <summary>Why Envoy rejected the last update of this cluster (xDS NACK), or null.</summary>
    public string? ErrorDetails { get; init; }

    public override string ToString() => Name;
}
