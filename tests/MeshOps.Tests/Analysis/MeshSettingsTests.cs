using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis;

/// <summary>Mesh-wide settings (Helm values, namespace labels, annotations, parameters) and the verdicts they change.</summary>
public class MeshSettingsTests
{
    private const string AclsOnValues = """
        global:
          name: consul
          acls:
            manageSystemACLs: true
        connectInject:
          enabled: true
        """;

    private static TestMesh WebCallsApi(string url = "http://api:8080") =>
        new TestMesh().Service("web").Workload("web", env: [$"API_URL={url}"]).Service("api").Workload("api");

    [Fact]
    public void Acls_enabled_in_the_helm_values_make_unmatched_calls_denied_and_the_finding_says_so()
    {
        var finding = Assert.Single(WebCallsApi().Raw(AclsOnValues).Analyze().Findings);

        Assert.Equal("MESH201", finding.RuleId);
        Assert.Contains("ACLs are enabled (global.acls.manageSystemACLs in <test>:", finding.Message);
    }

    [Fact]
    public void An_auth_method_managed_outside_the_chart_means_acls_are_on_too()
    {
        // The chart passes connectInject.overrideAuthMethodName to the webhook as -acl-auth-method, as it does its own.
        var finding = Assert.Single(WebCallsApi().Raw("""
            global:
              name: consul
            connectInject:
              enabled: true
              overrideAuthMethodName: external-k8s
            """).Analyze().Findings);

        Assert.Equal("MESH201", finding.RuleId);
        Assert.Contains("ACLs are enabled (connectInject.overrideAuthMethodName in <test>:", finding.Message);
    }

    [Fact]
    public void The_AclsEnabled_parameter_overrides_the_helm_values()
    {
        var report = WebCallsApi().Raw(AclsOnValues).Analyze(new AnalysisOptions { AclsEnabled = false });

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void The_DefaultPolicy_parameter_overrides_what_acls_imply()
    {
        var report = WebCallsApi().Raw(AclsOnValues).Analyze(new AnalysisOptions { DefaultPolicy = DefaultPolicy.Allow });

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Connect_inject_default_puts_unannotated_pods_in_the_mesh()
    {
        var mesh = new TestMesh()
            .Service("web").Raw("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: example/web:1, ports: [{containerPort: 8080}], env: [{name: API, value: "http://api:8080"}]}]
                """)
            .Service("api").Workload("api");
        var injectAll = "connectInject:\n  enabled: true\n  default: true";

        var without = mesh.Analyze().Findings;
        var with = new TestMesh().Raw(mesh.ToString()).Raw(injectAll).Analyze().Findings;

        Assert.Contains(without, f => f.RuleId == "MESH502" && f.Message.Contains("consul-k8s chart default", StringComparison.Ordinal));
        Assert.DoesNotContain(with, f => f.RuleId == "MESH502");
    }

    [Fact]
    public void A_namespace_label_turning_transparent_proxy_off_makes_a_wrong_port_an_error()
    {
        var mesh = WebCallsApi("http://api:9999").Raw("""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: default
              labels:
                consul.hashicorp.com/transparent-proxy: "false"
            """);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH105", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("label consul.hashicorp.com/transparent-proxy on namespace default", finding.Message);
    }

    [Fact]
    public void The_TransparentProxy_parameter_sets_the_mesh_wide_default()
    {
        var on = Assert.Single(WebCallsApi("http://api:9999").Analyze().Findings);
        var off = Assert.Single(WebCallsApi("http://api:9999").Analyze(new AnalysisOptions { TransparentProxy = false }).Findings);

        Assert.Equal(Severity.Warning, on.Severity);
        Assert.Equal(Severity.Error, off.Severity);
        Assert.Contains("AnalysisOptions.TransparentProxy", off.Message);
    }

    [Fact]
    public void No_deny_all_and_acls_off_is_reported_once_with_where_the_default_comes_from()
    {
        var finding = Assert.Single(WebCallsApi().Intention("api", ("web", "allow")).Analyze(withDefaultDenyCheck: true).Findings);

        Assert.Equal("MESH206", finding.RuleId);
        Assert.Equal("ServiceIntentions", finding.Resource.Kind);
        Assert.Contains("ACLs are disabled (consul-k8s chart default)", finding.Message);
        Assert.Contains("2 mesh workloads", finding.Message);
    }

    [Fact]
    public void Without_intentions_or_helm_values_the_inputs_say_nothing_about_default_deny()
    {
        Assert.Empty(WebCallsApi().Analyze(withDefaultDenyCheck: true).Findings);
    }

    [Fact]
    public void A_deny_all_or_acls_on_satisfy_the_default_deny_check()
    {
        Assert.Empty(WebCallsApi().Intention("*", ("*", "deny")).Intention("api", ("web", "allow")).Analyze(withDefaultDenyCheck: true).Findings);
        Assert.DoesNotContain(WebCallsApi().Raw(AclsOnValues).Analyze(withDefaultDenyCheck: true).Findings, f => f.RuleId == "MESH206");
    }

    [Fact]
    public void ServiceAccount_name_mismatch_is_an_error_only_with_acls_on()
    {
        var mesh = new TestMesh().Service("api").Raw("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: other").Workload("api");
        var text = mesh.ToString().Replace("serviceAccountName: api", "serviceAccountName: other", StringComparison.Ordinal);

        var off = Assert.Single(new TestMesh().Raw(text).Analyze().Findings);
        var on = Assert.Single(new TestMesh().Raw(text).Analyze(new AnalysisOptions { AclsEnabled = true }).Findings, f => f.RuleId == "MESH403");

        Assert.Equal(("MESH403", Severity.Warning), (off.RuleId, off.Severity));
        Assert.Equal(Severity.Error, on.Severity);
    }

    [Fact]
    public void Findings_about_mesh_workloads_say_why_the_workload_is_in_the_mesh()
    {
        var report = HashiCupsExample.Analyze("MESH401-missing-serviceaccount");

        var finding = Assert.Single(report.Findings);
        Assert.Matches(@"in the mesh: annotation consul\.hashicorp\.com/connect-inject at payments\.yaml:\d+", finding.Message);
    }
}
