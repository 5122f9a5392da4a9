namespace MeshOps.Envoy.Config;

/// <summary>
/// One route: what requests it matches (path prefix, exact path or regex, headers, query) and where it sends them (a
/// cluster, a weighted split, a redirect or a direct response). Consul writes one per service-router route, the
/// default <c>prefix /</c> last.
/// </summary>
public sealed record EnvoyRoute
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string RouteConfiguration { get; init; }

    public required string VirtualHost { get; init; }

    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>0-based position in its virtual host.</summary>
    public int Index { get; init; }

    public string? Name { get; init; }

    /// <summary><c>prefix</c>, <c>path</c>, <c>regex</c>, <c>path_separated_prefix</c>, <c>connect</c> or <c>path_template</c>.</summary>
    public string? MatchKind { get; init; }

    public string? MatchValue { get; init; }

    public bool CaseSensitive { get; init; } = true;

    public IReadOnlyList<EnvoyHeaderMatch> Headers { get; init; } = [];

    /// <summary>Query parameter conditions, described (<c>version exact 2</c>).</summary>
    public IReadOnlyList<string> QueryParameters { get; init; } = [];

    /// <summary><c>Cluster</c>, <c>WeightedClusters</c>, <c>ClusterHeader</c>, <c>Redirect</c>, <c>DirectResponse</c>.</summary>
    public required string Action { get; init; }

    public string? Cluster { get; init; }

    public ConsulClusterName? Destination => Cluster is null ? null : ConsulClusterName.Parse(Cluster);

    public IReadOnlyList<EnvoyWeightedCluster> WeightedClusters { get; init; } = [];

    public TimeSpan? Timeout { get; init; }

    public string? PrefixRewrite { get; init; }

    /// <summary>The HTTP status of a direct response, or of a redirect.</summary>
    public uint? Status { get; init; }

    /// <summary>What the route matches, in one line: <c>prefix /api</c>, <c>path /health GET</c>.</summary>
    public string Match
    {
        get
        {
            var text = MatchKind is null ? "(any)" : $"{MatchKind} {MatchValue}";
            if (Headers.Count > 0)
                text += " " + string.Join(' ', Headers);
            if (QueryParameters.Count > 0)
                text += " ?" + string.Join('&', QueryParameters);
            return text;
        }
    }

    /// <summary>Where it sends requests, in one line: a cluster, or <c>a 50%, b 50%</c> for a split.</summary>
    public string Target => Action switch
    {
        "Cluster" => Cluster ?? "",
        "WeightedClusters" => string.Join(", ", WeightedClusters.Select(w => $"{w.Name} ({w.Weight})")),
        _ => Status is { } status ? $"{Action} {status}" : Action,
    };
}
