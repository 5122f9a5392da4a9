using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// Findings whose fault is that an object is absent (MESH102, MESH202, MESH302, MESH401). When the inputs hold the
/// same kind of object for the rest of the namespace, the absence is a fault; when they hold none of that kind, the
/// objects are kept elsewhere (one tutorial step, one layer of a repository): the finding states that assumption and is
/// at most a Warning (issue 9, "Findings that depend on what the input lacks").
/// </summary>
public class MissingObjectAssumptionTests
{
    private const string ApiWithoutAccount = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
              annotations:
                consul.hashicorp.com/connect-inject: "true"
            spec:
              serviceAccountName: api
              containers:
                - name: api
                  image: example/api:1
                  ports:
                    - containerPort: 8080
        """;

    private static Finding Only(TestMesh mesh, string ruleId) => Assert.Single(mesh.Analyze().Findings, f => f.RuleId == ruleId);

    [Fact]
    public void A_missing_serviceaccount_where_the_namespace_declares_others_is_an_error()
    {
        var finding = Only(new TestMesh().Workload("web").Raw(ApiWithoutAccount), "MESH401");

        Assert.Equal((Severity.Error, null), (finding.Severity, finding.Assumption));
    }

    [Fact]
    public void A_missing_serviceaccount_where_the_inputs_declare_none_is_a_warning_stating_the_assumption()
    {
        var finding = Only(new TestMesh().Raw(ApiWithoutAccount), "MESH401");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("declare no ServiceAccount in namespace default", finding.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void A_selector_missing_the_pods_of_the_namespace_states_no_assumption_but_one_with_no_workloads_here_does()
    {
        var missing = Only(new TestMesh().Service("api").Workload("web"), "MESH102");
        var alone = Only(new TestMesh().Service("api"), "MESH102");

        Assert.Null(missing.Assumption);
        Assert.Contains("no workload in namespace default", alone.Assumption, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, alone.Severity);
    }

    [Fact]
    public void A_router_without_a_protocol_is_an_error_where_protocols_are_set_and_a_warning_where_none_is()
    {
        const string Router = "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceRouter\nmetadata:\n  name: api\nspec:\n  routes: []";
        const string WebHttp = "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata:\n  name: web\nspec:\n  protocol: http";
        static TestMesh Mesh() => new TestMesh().Service("api").Workload("api").Raw(Router);

        var configured = Only(Mesh().Raw(WebHttp), "MESH302");
        var unconfigured = Only(Mesh(), "MESH302");

        Assert.Equal((Severity.Error, null), (configured.Severity, configured.Assumption));
        Assert.Equal(Severity.Warning, unconfigured.Severity);
        Assert.Contains("no ServiceDefaults and no ProxyDefaults protocol", unconfigured.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intention_naming_a_near_miss_assumes_nothing_and_one_naming_an_unrelated_service_says_how_to_declare_it()
    {
        var nearMiss = Only(new TestMesh().Service("api").Workload("api").Intention("apii", ("api", "allow")), "MESH202");
        var unrelated = Only(new TestMesh().Service("api").Workload("api").Intention("inventory", ("api", "allow")), "MESH202");

        Assert.Null(nearMiss.Assumption);
        Assert.EndsWith("AnalysisOptions.KnownServices: inventory.", unrelated.Assumption, StringComparison.Ordinal);
    }
}
