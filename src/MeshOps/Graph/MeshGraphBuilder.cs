using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths.Hops;
using MeshOps.Rules.Intentions;

namespace MeshOps.Graph;

/// <summary>
/// The graph of a model: every service that calls or is called, each call edge (calls to one target merged, ports
/// gathered) with the intentions' decision, the pairs an intention allows that no call shows, and the error findings
/// that break an edge (found at its call site or on its target Service).
/// </summary>
public static class MeshGraphBuilder
{
    public static MeshGraph Build(MeshModel model, AnalysisReport report)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(report);
        var errors = new EdgeErrors(report.Findings);
        var nodes = new Dictionary<(string, string), MeshGraphNode>();
        var edges = new List<MeshGraphEdge>();
        foreach (var workload in model.Workloads.Where(w => w.InMesh))
        {
            Node(nodes, workload.Namespace, workload.ConsulServiceName, MeshGraphNodeKind.MeshService);
        }

        foreach (var group in model.Edges.GroupBy(e => (e.Source, Target: TargetKey(e))))
        {
            var first = group.First();
            var from = Node(nodes, first.Source.Namespace, first.Source.InMesh ? first.Source.ConsulServiceName : first.Source.Name, first.Source.InMesh ? MeshGraphNodeKind.MeshService : MeshGraphNodeKind.OutsideMesh);
            var to = first.Target is { } target
                ? Node(nodes, target.Namespace, target.InMesh ? target.ConsulName : target.Name, target.InMesh ? MeshGraphNodeKind.MeshService : MeshGraphNodeKind.OutsideMesh)
                : Node(nodes, first.TargetNamespace, first.TargetName, MeshGraphNodeKind.Unknown);
            var ports = group.Select(e => e.Port).OfType<int>().Distinct().Order().ToList();
            var failing = errors.Breaking(group, first.Target);
            edges.Add(new MeshGraphEdge(from, to, ports, Called: true, Decide(model, from, to)) { FailingRules = failing });
        }

        // A set, not a scan of the edges per pair: -All on 4,000 services has about 8,000 of each (bench/run.sh --paths).
        var drawn = edges.Select(e => (e.From, e.To)).ToHashSet();
        foreach (var (from, to) in IntentionAllowedPairs(model, nodes))
        {
            if (drawn.Add((from, to)))
            {
                edges.Add(new MeshGraphEdge(from, to, [], Called: false, MeshGraphDecision.Allowed));
            }
        }

        return new MeshGraph(
            nodes.Values.OrderBy(n => n.Namespace, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).ToList(),
            edges.OrderBy(e => e.From.ToString(), StringComparer.Ordinal).ThenBy(e => e.To.ToString(), StringComparer.Ordinal).ToList());
    }

    private static (string, string) TargetKey(CallEdge edge) =>
        edge.Target is { } target ? (target.Namespace, target.Name) : (edge.TargetNamespace, edge.TargetName);

    private static MeshGraphNode Node(Dictionary<(string, string), MeshGraphNode> nodes, string ns, string name, MeshGraphNodeKind kind)
    {
        if (!nodes.TryGetValue((ns, name), out var node) || (node.Kind != MeshGraphNodeKind.MeshService && kind == MeshGraphNodeKind.MeshService))
        {
            node = new MeshGraphNode(ns, name, kind);
            nodes[(ns, name)] = node;
        }

        return node;
    }

    private static MeshGraphDecision Decide(MeshModel model, MeshGraphNode from, MeshGraphNode to)
    {
        if (to.Kind == MeshGraphNodeKind.Unknown)
        {
            return MeshGraphDecision.Unknown;
        }

        if (from.Kind != MeshGraphNodeKind.MeshService || to.Kind != MeshGraphNodeKind.MeshService)
        {
            return MeshGraphDecision.NotInMesh;
        }

        // Each side in the Consul namespace MESH201 and the Intention hop place it in; namespaces the inputs leave open
        // and that would decide differently make the edge Unknown.
        var placed = IntentionHop.Decide(model, from.Namespace, from.Name, to.Namespace, to.Name);
        var decision = placed.Value;
        return !placed.Settled ? MeshGraphDecision.Unknown
            : decision.IsL7 ? MeshGraphDecision.DependsOnRequest
            : decision.Allowed ? MeshGraphDecision.Allowed : MeshGraphDecision.Denied;
    }

    /// <summary>
    /// Named source → named destination pairs an intention allows, between mesh services of the model. With Enterprise
    /// namespaces a name is a service in one Consul namespace, so a pair is kept only when each side is placed in the
    /// namespace the intention names for it (on CE, and without Helm values, as MESH201 and the Intention hop place it).
    /// </summary>
    private static IEnumerable<(MeshGraphNode From, MeshGraphNode To)> IntentionAllowedPairs(MeshModel model, Dictionary<(string, string), MeshGraphNode> nodes)
    {
        var mesh = nodes.Values.Where(n => n.Kind == MeshGraphNodeKind.MeshService).ToLookup(n => n.Name, StringComparer.Ordinal);
        var placement = CallerNamespaces.Of(model);
        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName != "*"))
        {
            foreach (var source in entry.Sources.Where(s => s.Name != "*" && s.Peer is null && (s.Action == IntentionAction.Allow || s.IsL7)))
            {
                foreach (var from in mesh[source.Name])
                {
                    foreach (var to in mesh[entry.DestinationName])
                    {
                        var (placedFrom, placedTo) = placement.Likely(from.Namespace, from.Name, to.Namespace, to.Name);
                        if (Names(source.Namespace, placedFrom.Namespace) && Names(entry.DestinationNamespace, placedTo.Namespace))
                        {
                            yield return (from, to);
                        }
                    }
                }
            }
        }
    }

    private static bool Names(string intentionNamespace, string consulNamespace) =>
        intentionNamespace == ConsulNames.Wildcard || string.Equals(intentionNamespace, consulNamespace, StringComparison.Ordinal);
}
