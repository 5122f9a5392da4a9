using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH207 (one ServiceIntentions written with two destinations: the consul-k8s webhook rejects the second apply as an
/// immutable-field update) and where it leaves off from MESH203 (two ServiceIntentions objects for one destination).
/// </summary>
public class IntentionDestinationRewrittenTests
{
    private static TestMesh WebCallsApiAndPayments() => new TestMesh()
        .Service("web").Workload("web", env: ["API_URL=http://api:8080", "PAYMENTS_URL=http://payments:8080"])
        .Service("api").Workload("api")
        .Service("payments").Workload("payments");

    private static string Intentions(string name, string destination, string? ns = null, string? destinationNamespace = null) => $"""
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: {name}
        {(ns is null ? "" : $"  namespace: {ns}")}
        spec:
          destination:
            name: {destination}
        {(destinationNamespace is null ? "" : $"    namespace: {destinationNamespace}")}
          sources:
            - name: web
              action: allow
        """;

    /// <summary>metadata.name of the nth ServiceIntentions: two lines below its kind.</summary>
    private static int NameLine(TestMesh mesh, int occurrence) => mesh.LineOf("kind: ServiceIntentions", occurrence) + 2;

    private static IReadOnlyList<Finding> Of(AnalysisReport report, string ruleId) => report.Findings.Where(f => f.RuleId == ruleId).ToList();

    [Fact]
    public void One_name_written_with_two_destinations_is_reported_on_the_second_names_line_naming_the_first()
    {
        var mesh = WebCallsApiAndPayments().Raw(Intentions("api", "api")).Raw(Intentions("api", "payments"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH207", Severity.Error, NameLine(mesh, 2)), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains($"destination payments here and api at <test>:{NameLine(mesh, 1)}", finding.Message, StringComparison.Ordinal);
        Assert.Contains("immutable fields for ServiceIntentions", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.Location.Line == NameLine(mesh, 1));
    }

    [Fact]
    public void One_object_written_twice_with_one_destination_is_neither_a_rewrite_nor_a_rival_object()
    {
        // The second apply updates the sources only, which the webhook allows; it is not a second ServiceIntentions (MESH203).
        var mesh = WebCallsApiAndPayments().Raw(Intentions("api", "api")).Raw(Intentions("api", "api").Replace("name: web", "name: payments", StringComparison.Ordinal));

        var report = mesh.Analyze();

        Assert.Empty(Of(report, "MESH207"));
        Assert.Empty(Of(report, "MESH203"));
    }

    [Fact]
    public void One_name_in_two_namespaces_is_two_objects()
    {
        var mesh = WebCallsApiAndPayments().Raw(Intentions("api", "api", ns: "default")).Raw(Intentions("api", "payments", ns: "billing"));

        Assert.Empty(Of(mesh.Analyze(), "MESH207"));
    }

    [Fact]
    public void An_absent_destination_namespace_and_default_are_the_same_destination()
    {
        var mesh = WebCallsApiAndPayments().Raw(Intentions("api", "api")).Raw(Intentions("api", "api", destinationNamespace: "default"));

        Assert.Empty(Of(mesh.Analyze(), "MESH207"));
    }

    [Fact]
    public void Two_objects_for_one_destination_in_two_kubernetes_namespaces_clash_in_consul_ce()
    {
        // Without Consul namespaces (CE) every ServiceIntentions writes to Consul namespace default, and the webhook's
        // CREATE check lists ServiceIntentions of every Kubernetes namespace.
        var mesh = WebCallsApiAndPayments().Raw(Intentions("api", "api", ns: "default")).Raw(Intentions("api-from-billing", "api", ns: "billing"));

        var finding = Assert.Single(Of(mesh.Analyze(), "MESH203"));

        Assert.Equal("ServiceIntentions/billing/api-from-billing", finding.Resource.ToString());
        Assert.Contains("already has spec.destination.name: api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Permissive_mtls_tutorial_reuses_public_api_for_the_products_api_destination()
    {
        // VERDICTS.md set 7, missed issue 1: both files define ServiceIntentions public-api in default.
        var folder = ReferenceData.Path("wild", "hashicorp-education__learn-consul-permissive-mtls");
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([folder]));

        var finding = Assert.Single(Of(report, "MESH207"));

        Assert.Equal(("intentions-public-products-api.yaml", 4), (Path.GetFileName(finding.File), finding.Line));
        Assert.Contains(Path.Combine("hashicups", "intentions-new-services.yaml") + ":4", finding.Message, StringComparison.Ordinal);
        Assert.Contains("destination products-api here and public-api", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cluster_keeps_the_first_copy_because_the_webhook_refuses_the_second()
    {
        // Under deny-all, web -> api is allowed by the stored copy; web -> db was only in the refused copy, so it is denied.
        const string Api = "apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: api\nspec:\n  destination:\n    name: api\n  sources:\n    - name: web\n      action: allow";
        var mesh = new TestMesh().Service("web").Workload("web", env: ["API=http://api:8080", "DB=http://db:8080"])
            .Service("api").Workload("api").Service("db").Workload("db")
            .Intention("*", ("*", "deny"))
            .Raw(Api).Raw(Api.Replace("    name: api\n  sources", "    name: db\n  sources", StringComparison.Ordinal));

        var findings = mesh.Analyze().Findings;

        Assert.Single(findings, f => f.RuleId == "MESH207");
        var denied = Assert.Single(findings, f => f.RuleId == "MESH201");
        Assert.Contains("web calls db", denied.Message, StringComparison.Ordinal);
    }
}
