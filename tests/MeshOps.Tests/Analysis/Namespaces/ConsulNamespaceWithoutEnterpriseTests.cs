using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.Namespaces;

/// <summary>
/// MESH208: a ServiceIntentions naming a Consul namespace is refused by the consul-k8s webhook when the Helm values
/// leave Consul namespaces off; with no values, or with namespaces enabled, nothing is said.
/// </summary>
public class ConsulNamespaceWithoutEnterpriseTests
{
    private const string CeValues = """
        global:
          name: consul
        connectInject:
          enabled: true
        """;

    private const string EnterpriseValues = """
        global:
          name: consul
          enableConsulNamespaces: true
        connectInject:
          enabled: true
        """;

    private const string IntentionNamingNamespaces = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: api
        spec:
          destination:
            name: api
          sources:
            - name: web
              action: allow
            - name: admin
              namespace: ops
              action: allow
        """;

    private static TestMesh Mesh(string? values)
    {
        var mesh = new TestMesh().Service("web").Workload("web", env: ["API_URL=http://api:8080"]).Service("api").Workload("api").Raw(IntentionNamingNamespaces);
        return values is null ? mesh : mesh.Raw(values);
    }

    private static IReadOnlyList<Finding> Of(AnalysisReport report) => report.Findings.Where(f => f.RuleId == "MESH208").ToList();

    [Fact]
    public void A_source_namespace_with_namespaces_off_in_the_helm_values_is_refused_by_the_webhook()
    {
        var mesh = Mesh(CeValues);
        var finding = Assert.Single(Of(mesh.Analyze()));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("namespace: ops", mesh.ToString().Split('\n')[finding.Line - 1].Trim());
        Assert.Contains("spec.sources[1].namespace: ops", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'Consul Enterprise namespaces must be enabled to set source.namespace'", finding.Message, StringComparison.Ordinal);
        Assert.Contains("global.enableConsulNamespaces is not set in <test>:", finding.Message, StringComparison.Ordinal);
        Assert.Equal("kubectl apply --dry-run=server -f <test>", finding.Confirm);
    }

    [Fact]
    public void Namespaces_explicitly_off_are_named_as_the_reason()
    {
        var finding = Assert.Single(Of(Mesh(CeValues.Replace("  name: consul", "  name: consul\n  enableConsulNamespaces: false", StringComparison.Ordinal)).Analyze()));

        Assert.Contains("global.enableConsulNamespaces in <test>:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_helm_values_nothing_says_namespaces_are_off()
    {
        Assert.Empty(Of(Mesh(values: null).Analyze()));
    }

    [Fact]
    public void With_namespaces_enabled_a_namespace_is_accepted()
    {
        Assert.Empty(Of(Mesh(EnterpriseValues).Analyze()));
    }

    [Fact]
    public void An_intention_naming_no_namespace_is_accepted_on_CE()
    {
        var mesh = new TestMesh().Service("api").Workload("api").Raw(IntentionNamingNamespaces.Replace("      namespace: ops\n", string.Empty, StringComparison.Ordinal)).Raw(CeValues);

        Assert.Empty(Of(mesh.Analyze()));
    }

    [Fact]
    public void A_destination_namespace_is_refused_too_and_reported_once_per_resource()
    {
        var yaml = IntentionNamingNamespaces.Replace("    name: api\n  sources:", "    name: api\n    namespace: default\n  sources:", StringComparison.Ordinal);
        var finding = Assert.Single(Of(new TestMesh().Service("api").Workload("api").Raw(yaml).Raw(CeValues).Analyze()));

        Assert.Contains("spec.destination.namespace: default, spec.sources[1].namespace: ops", finding.Message, StringComparison.Ordinal);
        Assert.Contains("set destination.namespace'; 'Consul Enterprise namespaces must be enabled to set source.namespace'", finding.Message, StringComparison.Ordinal);
        Assert.Equal(2, finding.Evidence.Count);
    }
}
