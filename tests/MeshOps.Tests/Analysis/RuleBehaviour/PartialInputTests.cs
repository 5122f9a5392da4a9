using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// Verdicts that depend on what a folder lacks (issue 9): a Service another folder or a chart installs, a namespace-less
/// file applied with kubectl -n, Helm values kept elsewhere. They state the assumption and stay below Error, unless the
/// inputs themselves show the fault (a near miss of a declared Service, an explicit allow-all).
/// </summary>
public class PartialInputTests
{
    private static TestMesh WebCalls(string url) =>
        new TestMesh().Service("web").Workload("web", env: [$"API_URL={url}"]).Service("api").Workload("api");

    private static IEnumerable<Finding> Mesh104(AnalysisReport report) => report.Findings.Where(f => f.RuleId == RuleCatalog.UnknownCallTarget.Id);

    [Fact]
    public void A_near_miss_of_a_declared_service_is_an_error_that_assumes_nothing()
    {
        var finding = Assert.Single(Mesh104(WebCalls("http://apii:8080").Analyze()));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Null(finding.Assumption);
        Assert.Contains("Did you mean 'api'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_like_no_declared_service_is_a_warning_that_points_to_KnownServices()
    {
        var finding = Assert.Single(Mesh104(WebCalls("http://jaeger-collector:14250").Analyze()));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("installed elsewhere (a Helm chart, another folder)", finding.Assumption, StringComparison.Ordinal);
        Assert.EndsWith("AnalysisOptions.KnownServices: jaeger-collector.", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("Assumed: ", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_service_counts_as_declared()
    {
        var report = WebCalls("http://jaeger-collector:14250").Analyze(new AnalysisOptions { KnownServices = ["jaeger-collector"] });

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_known_service_with_a_namespace_counts_only_there()
    {
        var elsewhere = WebCalls("http://jaeger-collector:14250").Analyze(new AnalysisOptions { KnownServices = ["jaeger-collector.tracing"] });
        var there = WebCalls("http://jaeger-collector:14250").Analyze(new AnalysisOptions { KnownServices = ["jaeger-collector.default"] });

        Assert.Single(Mesh104(elsewhere));
        Assert.Empty(there.Findings);
    }

    [Fact]
    public void A_known_service_has_no_ports_to_check()
    {
        // MESH105 needs the Service's ports; of a known service only its existence is known.
        var report = WebCalls("http://jaeger-collector:1").Analyze(new AnalysisOptions { KnownServices = ["jaeger-collector"] });

        Assert.DoesNotContain(report.Findings, f => f.RuleId == RuleCatalog.CallPortNotExposed.Id);
    }

    [Fact]
    public void An_invalid_known_service_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => WebCalls("http://api:8080").Analyze(new AnalysisOptions { KnownServices = ["Jaeger_Collector"] }));

        Assert.Contains("'Jaeger_Collector' is not a known service", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_in_a_namespace_less_file_is_assumed_in_default_and_the_finding_says_how_to_place_it()
    {
        var report = new TestMesh()
            .Service("frontend").Workload("frontend", env: ["UPSTREAM=http://backend.backend:9091"])
            .Service("backend", port: 9091).Workload("backend")
            .Raw("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: backend\n  namespace: backend\nspec:\n  destination:\n    name: backend\n  sources:\n    - name: frontend\n      action: allow")
            .Analyze();

        var finding = Assert.Single(Mesh104(report));
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("objects in <test> have no namespace and were placed in default, where Service backend is declared;", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("kubectl -n backend", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("LoaderOptions.Namespace", finding.Assumption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telemetryCollector:\n  enabled: true", "http://consul-telemetry-collector:9356")]
    [InlineData("global:\n  name: consul", "http://consul-server:8500")]
    [InlineData("global:\n  name: consul\nui:\n  enabled: \"-\"", "http://consul-ui:80")]
    [InlineData("fullnameOverride: hc\nmeshGateway:\n  enabled: true", "http://hc-mesh-gateway:443")]
    [InlineData("global:\n  name: consul\ningressGateways:\n  enabled: true\n  gateways:\n    - name: public", "http://consul-public:8080")]
    public void Services_the_consul_chart_installs_count_as_declared_when_its_values_imply_them(string values, string url)
    {
        var withValues = WebCalls(url).Raw($"connectInject:\n  enabled: true\n{values}").Analyze();
        var without = WebCalls(url).Analyze();

        Assert.Empty(Mesh104(withValues));
        Assert.Single(Mesh104(without));
    }

    [Fact]
    public void An_intention_naming_a_known_service_names_something()
    {
        var mesh = WebCalls("http://api:8080").Intention("api", ("web", "allow"), ("jaeger-collector", "allow"));

        Assert.Contains(mesh.Analyze().Findings, f => f.RuleId == RuleCatalog.IntentionNamesUnknownService.Id);
        Assert.DoesNotContain(mesh.Analyze(new AnalysisOptions { KnownServices = ["jaeger-collector"] }).Findings,
            f => f.RuleId == RuleCatalog.IntentionNamesUnknownService.Id);
    }

    [Fact]
    public void No_default_deny_without_helm_values_states_that_acls_were_taken_as_off()
    {
        var finding = Assert.Single(WebCalls("http://api:8080").Intention("api", ("web", "allow")).Analyze(withDefaultDenyCheck: true).Findings);

        Assert.Equal((RuleCatalog.NoDefaultDeny.Id, Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.StartsWith("no consul-k8s Helm values are among the inputs, so ACLs were taken as off", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("AnalysisOptions.AclsEnabled", finding.Assumption, StringComparison.Ordinal);
    }

    [Fact]
    public void No_default_deny_with_helm_values_that_leave_acls_off_assumes_nothing()
    {
        var finding = Assert.Single(WebCalls("http://api:8080").Raw("connectInject:\n  enabled: true").Analyze(withDefaultDenyCheck: true).Findings);

        Assert.Equal(RuleCatalog.NoDefaultDeny.Id, finding.RuleId);
        Assert.Null(finding.Assumption);
    }

    [Fact]
    public void An_explicit_allow_all_is_reported_where_it_is_written_whatever_the_acls()
    {
        var mesh = WebCalls("http://api:8080").Intention("*", ("*", "allow"));

        var finding = Assert.Single(mesh.Analyze(new AnalysisOptions { AclsEnabled = true }, withDefaultDenyCheck: true).Findings);

        Assert.Equal(RuleCatalog.NoDefaultDeny.Id, finding.RuleId);
        Assert.Null(finding.Assumption);
        Assert.StartsWith("ServiceIntentions deny-all allows every source to call every destination", finding.Message, StringComparison.Ordinal);
        Assert.Equal(mesh.LineOf("- name: \"*\""), finding.Line);
        Assert.StartsWith("Set action deny on source '*' of ServiceIntentions deny-all", finding.Fix, StringComparison.Ordinal);
    }
}
