using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Tests.Intentions;

namespace MeshOps.Tests.Paths;

/// <summary>
/// Test-MeshPath's Intention hop and Export-MeshGraph on an Enterprise typed mesh (web in shop, api in backend): both
/// sides in the Consul namespaces MESH201 places them in, so the allow that names shop/web and backend/api decides,
/// and without Helm values a verdict that turns on the namespaces is Unknown rather than a guessed Fail.
/// </summary>
public sealed class EnterpriseNamespacePathTests
{
    private static PathHop IntentionHop(string yaml, string? values, string from, string to)
    {
        var (report, model) = EnterpriseNamespaceMesh.Analyze(yaml, values);
        return PathTracer.Trace(model, report, from, to)[PathHopName.Intention];
    }

    [Fact]
    public void With_namespaces_mirrored_an_allowed_pair_with_no_written_call_passes_and_names_the_namespaces()
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi: false), EnterpriseNamespaceMesh.MirroredValues, "web.shop", "api.backend");

        Assert.Equal(PathHopStatus.Pass, hop.Status);
        var evidence = Assert.Single(hop.Evidence);
        Assert.Contains("matched shop/web => backend/api (allow, precedence 9)", evidence, StringComparison.Ordinal);
        Assert.EndsWith("for web (Consul ns shop) -> api (ns backend)", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void With_namespaces_mirrored_the_written_call_s_evidence_is_the_allow_not_the_deny_all()
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi: true), EnterpriseNamespaceMesh.MirroredValues, "web.shop", "api.backend");

        Assert.Equal(PathHopStatus.Pass, hop.Status);
        Assert.Contains("shop/web => backend/api", Assert.Single(hop.Evidence), StringComparison.Ordinal);
    }

    [Fact]
    public void With_namespaces_mirrored_a_pair_no_intention_allows_fails_on_the_deny_all()
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi: false), EnterpriseNamespaceMesh.MirroredValues, "api.backend", "web.shop");

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains("MESH201", hop.RuleIds);
        Assert.Contains(hop.Evidence, e => e.Contains("deny-all", StringComparison.Ordinal) && e.Contains("api (Consul ns backend) -> web (ns shop)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_values_a_verdict_that_turns_on_the_namespaces_is_Unknown_never_a_guessed_Fail(bool webCallsApi)
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi), null, "web.shop", "api.backend");

        Assert.Equal(PathHopStatus.Unknown, hop.Status);
        Assert.Contains(hop.Evidence, e => e.Contains("global.enableConsulNamespaces", StringComparison.Ordinal) && e.Contains("-Path", StringComparison.Ordinal));
        Assert.Contains("Helm values", hop.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_values_a_pair_denied_in_every_namespace_still_fails()
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi: false), null, "api.backend", "web.shop");

        Assert.Equal(PathHopStatus.Fail, hop.Status);
        Assert.Contains(hop.Evidence, e => e.Contains("the same in every namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Community_mesh_is_judged_in_default_as_before()
    {
        var hop = IntentionHop(EnterpriseNamespaceMesh.Yaml(webCallsApi: false, MeshOps.Authoring.ConsulEdition.Community), null, "web.shop", "api.backend");

        Assert.Equal(PathHopStatus.Pass, hop.Status);
        Assert.DoesNotContain("Consul ns", Assert.Single(hop.Evidence), StringComparison.Ordinal);
        Assert.Equal("consul intention check web api", hop.Confirm);
    }

    [Theory]
    [InlineData(true, MeshGraphDecision.Allowed)]
    [InlineData(false, MeshGraphDecision.Unknown)]
    public void The_graph_decides_the_call_edge_as_the_hop_does(bool withValues, MeshGraphDecision expected)
    {
        var (report, model) = EnterpriseNamespaceMesh.Analyze(EnterpriseNamespaceMesh.Yaml(webCallsApi: true), withValues ? EnterpriseNamespaceMesh.MirroredValues : null);

        var edge = Assert.Single(MeshGraphBuilder.Build(model, report).Edges, e => e.Called);

        Assert.Equal(("web", "api"), (edge.From.Name, edge.To.Name));
        Assert.Equal(expected, edge.Decision);
    }
}
