using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// The PARTIAL-INPUT and TRUE verdicts of ../shared/reference/wild/VERDICTS.md for MESH104 and MESH206, each set read
/// alone as the expert ran it: what depends on the rest of the repository is a Warning that states its assumption.
/// </summary>
public class WildSetAssumptionTests
{
    private const string Peering = "panchal-ravi__consul-k8s-multi-cluster-peering/examples/applications";

    private static AnalysisReport Analyze(string set, AnalysisOptions? options = null) =>
        MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([ReferenceData.Path("wild", set)]), options);

    private static Finding Single(AnalysisReport report, string ruleId) => Assert.Single(report.Findings, f => f.RuleId == ruleId);

    [Fact]
    public void Multi_ns_call_into_a_namespace_less_file_says_it_was_placed_in_default()
    {
        var finding = Single(Analyze($"{Peering}/multi-ns"), RuleCatalog.UnknownCallTarget.Id);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.EndsWith("frontend.yml", finding.File, StringComparison.Ordinal);
        Assert.Equal(64, finding.Line);
        Assert.StartsWith("objects in backend.yml have no namespace and were placed in default", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("kubectl -n backend", finding.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_mtls_call_to_the_jaeger_chart_points_to_KnownServices_and_goes_once_named()
    {
        const string set = "hashicorp-education__learn-consul-permissive-mtls";
        var finding = Single(Analyze(set), RuleCatalog.UnknownCallTarget.Id);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.EndsWith("KnownServices: jaeger-collector-headless.", finding.Assumption, StringComparison.Ordinal);
        Assert.DoesNotContain(Analyze(set, new AnalysisOptions { KnownServices = ["jaeger-collector-headless"] }).Findings,
            f => f.RuleId == RuleCatalog.UnknownCallTarget.Id);
    }

    [Theory]
    [InlineData("grpc-demo")]
    [InlineData("multi-ns")]
    public void No_default_deny_without_the_repositorys_helm_values_states_the_acl_assumption(string set)
    {
        var finding = Single(Analyze($"{Peering}/{set}"), RuleCatalog.NoDefaultDeny.Id);

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("ACLs were taken as off", finding.Assumption, StringComparison.Ordinal);
        Assert.DoesNotContain(Analyze($"{Peering}/{set}", new AnalysisOptions { AclsEnabled = true }).Findings,
            f => f.RuleId == RuleCatalog.NoDefaultDeny.Id);
    }

    [Fact]
    public void External_service_demo_reports_its_explicit_allow_all_whatever_the_acls()
    {
        var finding = Single(Analyze($"{Peering}/external-service-demo-default", new AnalysisOptions { AclsEnabled = true }), RuleCatalog.NoDefaultDeny.Id);

        Assert.Null(finding.Assumption);
        Assert.EndsWith("dc1-allow-all-intention.yml", finding.File, StringComparison.Ordinal);
        Assert.StartsWith("ServiceIntentions dc1-default-allow-all allows every source to call every destination", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fvoges_helm_values_leave_acls_off_so_no_default_deny_assumes_nothing()
    {
        var finding = Single(Analyze("fvoges__consul-k8s-transparent-proxy"), RuleCatalog.NoDefaultDeny.Id);

        Assert.Null(finding.Assumption);
        Assert.EndsWith("config.yaml", finding.File, StringComparison.Ordinal);
    }

    [Fact]
    public void The_seeded_postgres_typo_stays_an_error()
    {
        var finding = Single(HashiCupsExample.Analyze("MESH104-postgres-typo"), RuleCatalog.UnknownCallTarget.Id);

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Null(finding.Assumption);
    }
}
