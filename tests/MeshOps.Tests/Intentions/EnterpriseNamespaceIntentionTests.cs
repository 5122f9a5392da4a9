using MeshOps.Intentions;
using MeshOps.Paths.Live;
using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>
/// Test-MeshIntention on an Enterprise typed mesh (web in shop, api in backend): each side is evaluated in the Consul
/// namespace consul-k8s registers it in, as MESH201 places it. With the Helm values that is one answer; without them a
/// pair whose answer turns on the namespaces is Unknown, never a guessed Denied.
/// </summary>
public sealed class EnterpriseNamespaceIntentionTests
{
    private static readonly string Mesh = EnterpriseNamespaceMesh.Yaml(webCallsApi: true);

    private static IntentionCheckResult Check(string source, string destination, string? values) =>
        IntentionChecker.Check(EnterpriseNamespaceMesh.Analyze(Mesh, values).Model, source, destination);

    [Fact]
    public void With_namespaces_mirrored_the_allowed_pair_is_Allowed_in_its_Kubernetes_namespaces()
    {
        var result = Check("web.shop", "api.backend", EnterpriseNamespaceMesh.MirroredValues);

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(("web", "shop"), (result.Source, result.SourceNamespace));
        Assert.Equal(("api", "backend"), (result.Destination, result.DestinationNamespace));
        Assert.Equal("web", result.SourceEntry);
        Assert.Equal(9, result.Precedence);
        Assert.Equal("consul intention check shop/web backend/api", result.Confirm);
    }

    [Fact]
    public void With_namespaces_mirrored_a_name_without_namespace_is_placed_where_the_inputs_run_it()
    {
        var result = Check("web", "api", EnterpriseNamespaceMesh.MirroredValues);

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(("shop", "backend"), (result.SourceNamespace, result.DestinationNamespace));
    }

    [Fact]
    public void With_namespaces_mirrored_a_pair_no_intention_allows_is_Denied_by_the_deny_all()
    {
        var result = Check("api.backend", "web.shop", EnterpriseNamespaceMesh.MirroredValues);

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Equal("deny-all", result.IntentionName);
        Assert.Equal(("backend", "shop"), (result.SourceNamespace, result.DestinationNamespace));
    }

    [Fact]
    public void A_mirroring_prefix_puts_the_services_in_namespaces_the_allow_does_not_name()
    {
        var values = EnterpriseNamespaceMesh.MirroredValues + "\n  consulNamespaces:\n    mirroringK8SPrefix: k8s-\n";

        var result = Check("web.shop", "api.backend", values);

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Equal(("k8s-shop", "k8s-backend"), (result.SourceNamespace, result.DestinationNamespace));
    }

    [Fact]
    public void Without_values_an_answer_that_turns_on_the_namespaces_is_Unknown_with_what_would_decide_it()
    {
        var result = Check("web.shop", "api.backend", values: null);

        Assert.Equal(IntentionCheckDecision.Unknown, result.Decision);
        Assert.Null(result.IntentionName);
        Assert.Null(result.Precedence);
        var note = Assert.Single(result.Notes, n => n.Contains("global.enableConsulNamespaces", StringComparison.Ordinal));
        Assert.Equal(note, result.Explanation);
        Assert.Contains("-Path", note, StringComparison.Ordinal);
        Assert.Contains("web (Consul ns shop) -> api (ns backend) is Allowed", note, StringComparison.Ordinal);
        Assert.Contains("is Denied", note, StringComparison.Ordinal);
        // No namespace is known to be on, so Consul is asked as on CE.
        Assert.Equal("consul intention check web api", result.Confirm);
    }

    [Fact]
    public void Without_values_a_pair_denied_in_every_namespace_is_Denied()
    {
        var result = Check("api.backend", "web.shop", values: null);

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Contains(result.Notes, n => n.Contains("the same in every namespace", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Community_mesh_is_evaluated_in_default_as_before()
    {
        var yaml = EnterpriseNamespaceMesh.Yaml(webCallsApi: true, MeshOps.Authoring.ConsulEdition.Community);

        var result = IntentionChecker.Check(EnterpriseNamespaceMesh.Analyze(yaml).Model, "web.shop", "api.backend");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal((ConsulNames.DefaultNamespace, ConsulNames.DefaultNamespace), (result.SourceNamespace, result.DestinationNamespace));
        Assert.Equal("consul intention check web api", result.Confirm);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Live_Consul_is_asked_with_each_side_s_namespace_when_Enterprise_namespaces_are_on()
    {
        var model = EnterpriseNamespaceMesh.Analyze(Mesh, EnterpriseNamespaceMesh.MirroredValues).Model;
        var (ours, decision, source, destination) = IntentionChecker.Placed(model, "web.shop", "api.backend", null, null);

        var result = LiveIntentionChecker.WithConsul(ours, decision, true, null, null, (source, destination));

        Assert.Equal(("shop/web", "backend/api"), (source, destination));
        Assert.Equal(IntentionAgreement.Agrees, result.ConsulAgreement);
        Assert.Contains("source=shop/web&destination=backend/api", result.ConsulMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_without_a_placement_Consul_s_answer_is_shown_but_not_compared()
    {
        var model = EnterpriseNamespaceMesh.Analyze(Mesh).Model;
        var (ours, decision, source, destination) = IntentionChecker.Placed(model, "web.shop", "api.backend", null, null);

        var result = LiveIntentionChecker.WithConsul(ours, decision, false, null, null, (source, destination));

        Assert.Null(decision);
        Assert.Equal(("web", "api"), (source, destination));
        Assert.Equal("Denied (not compared)", result.Consul);
        Assert.Equal(IntentionCheckDecision.Unknown, result.Decision);
    }
}
