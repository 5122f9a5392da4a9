using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Graph;

public class MeshGraphBuilderTests
{
    [Fact]
    public void Healthy_HashiCups_draws_every_call_allowed_and_none_failing()
    {
        var graph = Build();

        Assert.Contains(graph.Edges, e => Is(e, "public-api", "products-api") && e.Ports.SequenceEqual([9090]));
        Assert.Contains(graph.Edges, e => Is(e, "products-api", "postgres") && e.Ports.SequenceEqual([5432]));
        Assert.Contains(graph.Edges, e => Is(e, "public-api", "payments"));
        Assert.All(graph.Edges.Where(e => e.Called), e => Assert.Equal(MeshGraphDecision.Allowed, e.Decision));
        Assert.DoesNotContain(graph.Edges, e => e.Failing);
        Assert.All(graph.Nodes, n => Assert.Equal(MeshGraphNodeKind.MeshService, n.Kind));
    }

    [Fact]
    public void A_targetPort_that_matches_no_container_marks_the_calls_to_that_Service_failing()
    {
        var graph = Build("MESH101-payments-targetport");

        var edge = Assert.Single(graph.Edges, e => Is(e, "public-api", "payments"));
        Assert.Equal(["MESH101"], edge.FailingRules);
        Assert.DoesNotContain(graph.Edges, e => e.Failing && !Is(e, "public-api", "payments"));
    }

    [Fact]
    public void A_call_no_intention_allows_is_denied()
    {
        var graph = Build("MESH201-missing-intention");

        Assert.Contains(graph.Edges, e => e.Called && e.Decision == MeshGraphDecision.Denied && e.Failing);
    }

    [Fact]
    public void A_typo_in_a_host_draws_an_unknown_target()
    {
        var graph = Build("MESH104-postgres-typo");

        var unknown = Assert.Single(graph.Nodes, n => n.Kind == MeshGraphNodeKind.Unknown);
        Assert.Contains(graph.Edges, e => e.To == unknown && e.Decision == MeshGraphDecision.Unknown && e.FailingRules.Contains("MESH104"));
    }

    [Fact]
    public void An_intention_without_a_call_is_drawn_as_intention_only()
    {
        var graph = Build("MESH205-unused-intention");

        Assert.Contains(graph.Edges, e => !e.Called && e.Decision == MeshGraphDecision.Allowed);
    }

    [Fact]
    public void Mermaid_draws_failing_edges_red_and_healthy_ones_plain()
    {
        var healthy = MermaidGraphWriter.Write(Build());
        var broken = Build("MESH101-payments-targetport");
        var mermaid = MermaidGraphWriter.Write(broken);

        Assert.StartsWith("flowchart LR\n", healthy, StringComparison.Ordinal);
        Assert.DoesNotContain("linkStyle", healthy, StringComparison.Ordinal);
        var index = broken.Edges.ToList().FindIndex(e => e.Failing);
        Assert.Contains($"linkStyle {index} stroke:#d62728", mermaid, StringComparison.Ordinal);
        Assert.Contains("|\"1800 allowed MESH101\"|", mermaid, StringComparison.Ordinal);
    }

    [Fact]
    public void Dot_gives_each_node_once_and_colours_the_failing_edge()
    {
        var graph = Build("MESH101-payments-targetport");

        var dot = DotGraphWriter.Write(graph);

        Assert.StartsWith("digraph mesh {", dot, StringComparison.Ordinal);
        Assert.Equal(graph.Nodes.Count, dot.Split('\n').Count(l => l.Contains("[label=", StringComparison.Ordinal) && !l.Contains("->", StringComparison.Ordinal)));
        Assert.Single(dot.Split('\n'), l => l.Contains("->", StringComparison.Ordinal) && l.Contains("#d62728", StringComparison.Ordinal));
    }

    private static bool Is(MeshGraphEdge edge, string from, string to) => edge.From.Name == from && edge.To.Name == to;

    private static MeshGraph Build(string? fault = null)
    {
        var manifests = ManifestLoader.LoadPaths(HashiCupsExample.Files(fault));
        var (report, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        return MeshGraphBuilder.Build(model, report);
    }
}
