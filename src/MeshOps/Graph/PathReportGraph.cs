using MeshOps.Paths;

namespace MeshOps.Graph;

/// <summary>
/// The graph of traced paths (Test-MeshPath -All results, offline or live): each traced pair an edge, its ports
/// gathered, its decision the Intention hop's, and a failing edge marked with what broke it — the root cause's rule
/// IDs, or the hop itself when no rule decided it (a listener, Consul's catalog, Envoy seen live).
/// </summary>
public static class PathReportGraph
{
    public static MeshGraph Build(IEnumerable<PathReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var nodes = new Dictionary<(string, string), MeshGraphNode>();
        var edges = new List<MeshGraphEdge>();
        foreach (var pair in reports.GroupBy(r => (r.From, r.To)))
        {
            var traced = pair.ToList();
            var from = Node(nodes, pair.Key.From, MeshGraphNodeKind.MeshService);
            var nameFailed = traced.Any(r => r[PathHopName.Name].Status == PathHopStatus.Fail && r.RootCause == PathHopName.Name);
            var to = Node(nodes, pair.Key.To, nameFailed ? MeshGraphNodeKind.Unknown : MeshGraphNodeKind.MeshService);
            var ports = traced.Select(r => r.Port).OfType<int>().Distinct().Order().ToList();
            var failing = traced.Where(r => !r.Passed && r.RootCause is not null)
                .SelectMany(r => r[r.RootCause!.Value] is { RuleIds.Count: > 0 } hop ? hop.RuleIds : [$"fails at {r.RootCause}"])
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            edges.Add(new MeshGraphEdge(from, to, ports, traced.Any(r => r.Called), Decide(traced)) { FailingRules = failing });
        }

        return new MeshGraph(
            [.. nodes.Values.OrderBy(n => n.Namespace, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal)],
            [.. edges.OrderBy(e => e.From.ToString(), StringComparer.Ordinal).ThenBy(e => e.To.ToString(), StringComparer.Ordinal)]);
    }

    /// <summary>The Intention hop's verdict; a hop skipped because an end is outside the mesh is "no intention applies".</summary>
    private static MeshGraphDecision Decide(IReadOnlyList<PathReport> traced)
    {
        var hops = traced.Select(r => r[PathHopName.Intention]).ToList();
        if (hops.Any(h => h.Status == PathHopStatus.Fail))
        {
            return MeshGraphDecision.Denied;
        }

        if (hops.Any(h => h.Status == PathHopStatus.Pass))
        {
            return MeshGraphDecision.Allowed;
        }

        return hops.Any(h => h.Status == PathHopStatus.Skipped && h.Evidence.Any(e => e.Contains("does not join the mesh", StringComparison.Ordinal)))
            ? MeshGraphDecision.NotInMesh
            : MeshGraphDecision.Unknown;
    }

    // PathReport writes a resolved end as "name.namespace", an unresolved one as the user wrote it.
    private static MeshGraphNode Node(Dictionary<(string, string), MeshGraphNode> nodes, string written, MeshGraphNodeKind kind)
    {
        var (name, writtenNamespace) = ServiceAddress.Split(written);
        var ns = writtenNamespace ?? "default";
        if (!nodes.TryGetValue((ns, name), out var node) || (node.Kind == MeshGraphNodeKind.Unknown && kind != MeshGraphNodeKind.Unknown))
        {
            node = new MeshGraphNode(ns, name, kind);
            nodes[(ns, name)] = node;
        }

        return node;
    }
}
