using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// Whether a pod is in the mesh and runs transparent proxy, as the consul-k8s webhook decides. Injection: the pod
/// annotation, else the Helm default (no namespace label is read; kube-system and kube-public never). Transparent proxy:
/// the pod annotation wins over the namespace label (common.TransparentProxyEnabled), which wins over the Helm default;
/// <c>connectInject.enabled: false</c> injects nothing.
/// A mesh pod whose container declares no port (MESH107) shows the verdict, and its message says where it came from.
/// </summary>
public class InjectionSettingsTests
{
    private static string Namespace(string label, string value) =>
        $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: default\n  labels:\n    {label}: \"{value}\"";

    private static TestMesh PortlessPod(string? injectAnnotation) => new TestMesh()
        .Raw("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api")
        .Raw($"""
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
            {(injectAnnotation is null ? "" : $"      annotations:\n        consul.hashicorp.com/connect-inject: \"{injectAnnotation}\"")}
                spec:
                  serviceAccountName: api
                  containers:
                    - name: api
                      image: example/api:1
            """);

    /// <summary>Two mesh pods in a namespace labelled transparent-proxy "false"; web calls api on a port api does not expose (MESH105).</summary>
    private static TestMesh WebCallsApiOnWrongPort(string? webTproxyAnnotation)
    {
        var text = new TestMesh()
            .Service("web").Workload("web", env: ["API_URL=http://api:9999"])
            .Service("api").Workload("api")
            .Raw(Namespace("consul.hashicorp.com/transparent-proxy", "false"))
            .ToString();
        if (webTproxyAnnotation is not null)
        {
            const string webAnnotations = "        consul.hashicorp.com/connect-inject: \"true\"\n    spec:\n      serviceAccountName: web";
            Assert.Contains(webAnnotations, text);
            text = text.Replace(webAnnotations, webAnnotations.Replace("\n    spec:", $"\n        consul.hashicorp.com/transparent-proxy: \"{webTproxyAnnotation}\"\n    spec:", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        return new TestMesh().Raw(text);
    }

    [Fact]
    public void A_connect_inject_annotation_false_beats_a_namespace_label_true()
    {
        var report = PortlessPod("false").Raw(Namespace("consul.hashicorp.com/connect-inject", "true")).Analyze();

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_connect_inject_annotation_true_beats_a_namespace_label_false()
    {
        var mesh = PortlessPod("true").Raw(Namespace("consul.hashicorp.com/connect-inject", "false"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH107", Severity.Info), (finding.RuleId, finding.Severity));
        Assert.Contains($"annotation consul.hashicorp.com/connect-inject at <test>:{mesh.LineOf("connect-inject: \"true\"")}", finding.Message);
    }

    // consul-k8s mesh_webhook.go shouldInject reads the pod annotation, else !RequireAnnotation (connectInject.default);
    // namespaces only filter through the allow/deny lists and the webhook's namespaceSelector. No namespace label decides.
    [Fact]
    public void A_namespace_connect_inject_label_does_not_decide_injection()
    {
        var labelTrue = PortlessPod(null).Raw(Namespace("consul.hashicorp.com/connect-inject", "true")).Analyze().Findings;
        var labelFalse = PortlessPod(null).Raw(Namespace("consul.hashicorp.com/connect-inject", "false"))
            .Raw("connectInject:\n  enabled: true\n  default: true").Analyze().Findings;

        Assert.Empty(labelTrue);
        Assert.Equal("MESH107", Assert.Single(labelFalse).RuleId);
    }

    [Fact]
    public void Pods_in_kube_system_are_never_injected_whatever_their_annotation()
    {
        // mesh_webhook.go shouldInject returns false for kube-system and kube-public before reading any annotation.
        var inKubeSystem = new TestMesh().Raw(PortlessPod("true").ToString()
            .Replace("  name: api\nspec:", "  name: api\n  namespace: kube-system\nspec:", StringComparison.Ordinal));

        Assert.Contains("namespace: kube-system", inKubeSystem.ToString(), StringComparison.Ordinal);
        Assert.Empty(inKubeSystem.Analyze().Findings);
        Assert.Single(PortlessPod("true").Analyze().Findings);
    }

    [Theory]
    [InlineData("connectInject:\n  k8sDenyNamespaces: [default]", 0)]
    [InlineData("connectInject:\n  k8sAllowNamespaces: [shop]", 0)]
    [InlineData("connectInject:\n  k8sAllowNamespaces: [shop, default]\n  k8sDenyNamespaces: [monitoring]", 1)]
    public void The_helm_namespace_lists_refuse_injection_before_the_annotation_is_read(string values, int findings)
    {
        // mesh_webhook.go shouldInject: the deny list, then the allow list, then the pod annotation.
        Assert.Equal(findings, PortlessPod("true").Raw(values).Analyze().Findings.Count);
    }

    [Fact]
    public void A_namespace_list_that_is_not_a_list_costs_nothing_else_in_the_values()
    {
        var report = PortlessPod(null).Raw("connectInject:\n  default: true\n  k8sAllowNamespaces: \"*\"").Analyze();

        Assert.Equal("MESH107", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void A_transparent_proxy_annotation_true_beats_a_namespace_label_false()
    {
        var mesh = WebCallsApiOnWrongPort("true");

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH105", Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.Contains($"annotation consul.hashicorp.com/transparent-proxy at <test>:{mesh.LineOf("transparent-proxy: \"true\"")}", finding.Message);
    }

    [Fact]
    public void The_namespace_transparent_proxy_label_applies_to_a_pod_without_the_annotation()
    {
        var finding = Assert.Single(WebCallsApiOnWrongPort(null).Analyze().Findings);

        Assert.Equal(("MESH105", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("label consul.hashicorp.com/transparent-proxy on namespace default", finding.Message);
    }

    [Fact]
    public void Helm_connectInject_enabled_false_leaves_even_annotated_pods_outside_the_mesh()
    {
        var mesh = PortlessPod("true").Raw("connectInject:\n  enabled: false");

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void Helm_connectInject_enabled_false_turns_mesh_findings_into_outside_the_mesh_ones()
    {
        // Wrong port between two annotated pods: a warning inside the mesh (tproxy still connects), an error outside it.
        var mesh = new TestMesh()
            .Service("web").Workload("web", env: ["API_URL=http://api:9999"])
            .Service("api").Workload("api")
            .Raw("connectInject:\n  enabled: false");

        var finding = Assert.Single(mesh.Analyze(withDefaultDenyCheck: true).Findings);

        Assert.Equal(("MESH105", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains($"injection is disabled: connectInject.enabled in <test>:{mesh.LineOf("enabled: false")}", finding.Message);
    }

    [Fact]
    public void Helm_connectInject_enabled_false_makes_intentions_irrelevant()
    {
        var report = new TestMesh()
            .Service("web").Workload("web", env: ["API_URL=http://api:8080"])
            .Service("api").Workload("api")
            .Intention("*", ("*", "deny"))
            .Raw("connectInject:\n  enabled: false")
            .Analyze(new AnalysisOptions { AclsEnabled = true });

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_later_helm_values_file_overrides_an_earlier_one()
    {
        var enabledLast = PortlessPod("true").Raw("connectInject:\n  enabled: false").Raw("connectInject:\n  enabled: true");
        var disabledLast = PortlessPod("true").Raw("connectInject:\n  enabled: true").Raw("connectInject:\n  enabled: false");

        Assert.Equal("MESH107", Assert.Single(enabledLast.Analyze().Findings).RuleId);
        Assert.Empty(disabledLast.Analyze().Findings);
    }
}
