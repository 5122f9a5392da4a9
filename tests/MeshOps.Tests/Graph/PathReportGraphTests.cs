using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Tests.Paths;

namespace MeshOps.Tests.Graph;

/// <summary>Export-MeshGraph over Test-MeshPath -All results: the traced pairs drawn, failing ones marked with what broke them.</summary>
public class PathReportGraphTests
{
    private static IReadOnlyList<PathReport> TraceAll(string? fault)
    {
        var paths = HashiCupsPaths.Load(fault);
        return [.. PathTracer.TraceEach(paths.Model, paths.Report, MeshGraphBuilder.Build(paths.Model, paths.Report).PathRequests())];
    }

    [Fact]
    public void The_traces_of_healthy_HashiCups_draw_the_graph_the_model_draws()
    {
        var paths = HashiCupsPaths.Load(null);
        var fromModel = MeshGraphBuilder.Build(paths.Model, paths.Report);

        var fromTraces = PathReportGraph.Build(TraceAll(null));

        Assert.Equal(Describe(fromModel), Describe(fromTraces));
        Assert.DoesNotContain(fromTraces.Edges, e => e.Failing);
        Assert.Contains(fromTraces.Edges, e => e.From.Name == "public-api" && e.To.Name == "products-api" && e.Called && e.Ports.SequenceEqual([9090]));
    }

    [Fact]
    public void A_failing_trace_marks_its_edge_with_the_root_cause_rules()
    {
        var graph = PathReportGraph.Build(TraceAll("MESH101-payments-targetport"));

        var edge = Assert.Single(graph.Edges, e => e.Failing);
        Assert.Equal(("public-api", "payments"), (edge.From.Name, edge.To.Name));
        Assert.Equal(["MESH101"], edge.FailingRules);
        Assert.Contains("MESH101", MermaidGraphWriter.Write(graph), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hop_no_rule_decides_is_named_on_the_edge()
    {
        var healthy = TraceAll(null);
        var traced = healthy.Single(r => r.From == "public-api.default" && r.To == "products-api.default");
        var listenerFails = traced with
        {
            Hops = [.. traced.Hops.Select(h => h.Name == PathHopName.Listener ? h with { Status = PathHopStatus.Fail, RuleIds = [] } : h)],
            RootCause = PathHopName.Listener,
        };

        var graph = PathReportGraph.Build([.. healthy.Where(r => r != traced), listenerFails]);

        var edge = Assert.Single(graph.Edges, e => e.Failing);
        Assert.Equal(["fails at Listener"], edge.FailingRules);
        Assert.Contains("fails at Listener", DotGraphWriter.Write(graph), StringComparison.Ordinal);
    }

    [Fact]
    public void A_denied_intention_is_drawn_denied()
    {
        var graph = PathReportGraph.Build(TraceAll("MESH201-missing-intention"));

        Assert.Contains(graph.Edges, e => e.Called && e.Decision == MeshGraphDecision.Denied && e.Failing);
    }

    private static List<string> Describe(MeshGraph graph) =>
        [.. graph.Edges.Select(e => $"{e.From}->{e.To} [{string.Join(",", e.Ports)}] called={e.Called} {e.Decision}"),
         .. graph.Nodes.Select(n => $"{n} {n.Kind}")];
}
