namespace MeshOps.Envoy.Config;

/// <summary>
/// One filter chain of a listener: what connections it takes (<see cref="Match"/>) and where it sends them — a
/// <c>tcp_proxy</c> cluster or an HTTP connection manager's route configuration — and under which stat prefix.
/// </summary>
public sealed record EnvoyFilterChain
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Listener { get; init; }

    /// <summary>0-based position in the listener; the default chain comes after the others.</summary>
    public int Index { get; init; }

    public string? Name { get; init; }

    /// <summary>The listener's <c>default_filter_chain</c>, or a chain that matches everything: it takes what no other chain matches.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Destination prefixes, <c>10.96.0.10/32</c> (transparent proxy: ClusterIP and Consul virtual IP).</summary>
    public IReadOnlyList<string> PrefixRanges { get; init; } = [];

    public IReadOnlyList<string> SourcePrefixRanges { get; init; } = [];

    /// <summary>TLS SNI names (<c>server_names</c>), as a terminating gateway or a peered listener matches.</summary>
    public IReadOnlyList<string> ServerNames { get; init; } = [];

    public uint? DestinationPort { get; init; }

    public string? TransportProtocol { get; init; }

    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    /// <summary>Network filters by name, in order.</summary>
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary><c>TcpProxy</c>, <c>Http</c>, or the last network filter's name.</summary>
    public string? Kind { get; init; }

    /// <summary>The <c>tcp_proxy</c> target cluster (the heaviest one when weighted).</summary>
    public string? Cluster { get; init; }

    /// <summary>The cluster name decoded as Consul builds it.</summary>
    public ConsulClusterName? Destination => Cluster is null ? null : ConsulClusterName.Parse(Cluster);

    public IReadOnlyList<EnvoyWeightedCluster> WeightedClusters { get; init; } = [];

    /// <summary>The HTTP connection manager's route configuration name (RDS or inline).</summary>
    public string? RouteConfiguration { get; init; }

    /// <summary>True when the routes come over RDS (<c>Get-EnvoyRoute</c> shows them), false when inline.</summary>
    public bool RouteFromRds { get; init; }

    public string? StatPrefix { get; init; }

    /// <summary>HTTP filters by name, in order (empty for TCP).</summary>
    public IReadOnlyList<string> HttpFilters { get; init; } = [];

    /// <summary>Whether the chain terminates TLS (Consul's public listener: mTLS, client certificate required).</summary>
    public bool Tls { get; init; }

    public bool RequireClientCertificate { get; init; }

    /// <summary>The RBAC filters (network and HTTP) of the chain, each turned back into intentions.</summary>
    public IReadOnlyList<EnvoyRbacFilter> Rbac { get; init; } = [];

    /// <summary>What the chain matches, in one line (<c>10.96.0.10/32, 240.0.0.3/32</c>; <c>(any)</c>).</summary>
    public string Match
    {
        get
        {
            var parts = new List<string>();
            parts.AddRange(PrefixRanges);
            if (DestinationPort is { } port)
                parts.Add($"port {port}");
            parts.AddRange(ServerNames.Select(s => $"sni {s}"));
            if (TransportProtocol is not null)
                parts.Add(TransportProtocol);
            parts.AddRange(ApplicationProtocols.Select(a => $"alpn {a}"));
            parts.AddRange(SourcePrefixRanges.Select(s => $"from {s}"));
            return parts.Count == 0 ? "(any)" : string.Join(", ", parts);
        }
    }

    /// <summary>Where the chain sends traffic, in one line (<c>tcp → cluster</c>, <c>http → route backend</c>).</summary>
    public string Target => Kind switch
    {
        "TcpProxy" => $"tcp -> {Cluster}",
        "Http" => $"http -> route {RouteConfiguration}",
        _ => Kind ?? "(no filters)",
    };
}
