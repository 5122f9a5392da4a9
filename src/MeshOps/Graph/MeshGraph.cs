namespace MeshOps.Graph;

/// <summary>What a node of the mesh graph stands for.</summary>
public enum MeshGraphNodeKind
{
    /// <summary>A service whose pods run a Consul sidecar.</summary>
    MeshService,

    /// <summary>A workload or Service outside the mesh.</summary>
    OutsideMesh,

    /// <summary>A call target no Service of the model has (a typo, or a service kept elsewhere).</summary>
    Unknown,
}

/// <summary>How the intentions decide an edge, or why they do not.</summary>
public enum MeshGraphDecision
{
    Allowed,
    Denied,

    /// <summary>An L7 intention decides per request: some requests pass, others do not.</summary>
    DependsOnRequest,

    /// <summary>An end is outside the mesh, so no intention applies.</summary>
    NotInMesh,

    /// <summary>The target is unknown, or Consul namespaces the inputs do not place would decide it differently.</summary>
    Unknown,
}

/// <summary>A service (by namespace and name) and what it is.</summary>
public sealed record MeshGraphNode(string Namespace, string Name, MeshGraphNodeKind Kind)
{
    /// <summary>An identifier safe in Mermaid and Graphviz: letters, digits and underscores.</summary>
    public string Id => "n_" + string.Concat($"{Namespace}__{Name}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    public override string ToString() => Namespace == "default" ? Name : $"{Name}.{Namespace}";
}

/// <summary>
/// A call one service makes to another (<see cref="Called"/> true), or an intention-allowed pair no call shows; with
/// the intentions' decision and the rules that found the edge broken.
/// </summary>
public sealed record MeshGraphEdge(MeshGraphNode From, MeshGraphNode To, IReadOnlyList<int> Ports, bool Called, MeshGraphDecision Decision)
{
    /// <summary>The IDs of error findings on this call (its call site, its target Service, or intentions that deny it).</summary>
    public IReadOnlyList<string> FailingRules { get; init; } = [];

    public bool Failing => Decision == MeshGraphDecision.Denied || FailingRules.Count > 0;
}

/// <summary>The services of a mesh and the calls between them, ready to draw.</summary>
public sealed record MeshGraph(IReadOnlyList<MeshGraphNode> Nodes, IReadOnlyList<MeshGraphEdge> Edges)
{
    /// <summary>
    /// The paths Test-MeshPath -All traces: every edge, once per port it is called on (once when no port is known), each
    /// end written <c>name.namespace</c>; with <paramref name="fromNamespace"/>, only the edges whose caller is in it.
    /// </summary>
    public IReadOnlyList<Paths.PathRequest> PathRequests(string? fromNamespace = null) =>
        [.. Edges
            .Where(e => fromNamespace is null || e.From.Namespace == fromNamespace)
            .SelectMany(e => e.Ports.Count == 0 ? [(Edge: e, Port: (int?)null)] : e.Ports.Select(p => (Edge: e, Port: (int?)p)))
            .Select(p => new Paths.PathRequest(Qualified(p.Edge.From), Qualified(p.Edge.To), p.Port))];

    private static string Qualified(MeshGraphNode node) => $"{node.Name}.{node.Namespace}";
}
