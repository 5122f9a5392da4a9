using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Sources.Files;
using MeshOps.Sources;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Robustness;

/// <summary>
/// Issue 10, cause 2: each shape the mutation fuzzer found crashing the model or a rule. An object Kubernetes would
/// refuse is one load error at the offending field; the canary mesh beside it keeps its MESH101 finding.
/// </summary>
public sealed class InvalidObjectTests
{
    private const string Marker = "#broken";

    public static TheoryData<string, string> EmptyItems => new()
    {
        { "spec.template.spec.containers[0].env[0]", Deployment("      containers:\n        - name: web\n          image: web:1\n          env:\n            - " + Marker) },
        { "spec.template.spec.containers[0].ports[0]", Deployment("      containers:\n        - name: web\n          image: web:1\n          ports:\n            - " + Marker) },
        { "spec.template.spec.containers[0]", Deployment("      containers:\n        - " + Marker) },
        { "spec.template.spec.volumes[0]", Deployment("      volumes:\n        - " + Marker + "\n      containers:\n        - name: web\n          image: web:1") },
        { "spec.ports[0]", "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - " + Marker },
        { "spec.sources[0]", Intentions("  sources:\n    - " + Marker) },
        { "spec.sources[0].permissions[0]", Intentions("  sources:\n    - name: api\n      permissions:\n        - " + Marker) },
    };

    public static TheoryData<string, string, string> InvalidFields => new()
    {
        { "spec.template.spec.containers", "is empty", Deployment("      containers: null " + Marker) },
        { "spec.template.spec.containers", "is empty", Deployment("      containers: [] " + Marker) },
        { "spec.ports[0].port", "is 70000", Service("    - port: 70000 " + Marker) },
        { "spec.ports[0].port", "is -1", Service("    - port: -1 " + Marker) },
        { "spec.ports[0].targetPort", "is 70000", Service("    - port: 80\n      targetPort: 70000 " + Marker) },
        { "spec.template.spec.containers[0].ports[0].containerPort", "is -1", Deployment("      containers:\n        - name: web\n          image: web:1\n          ports:\n            - containerPort: -1 " + Marker) },
    };

    [Theory]
    [MemberData(nameof(EmptyItems))]
    public void An_empty_list_item_is_a_load_error_at_the_item_and_the_rest_is_analysed(string field, string yaml) =>
        AssertRejectedAtMarker(yaml, $"field '{field}' is an empty list item");

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public void A_value_Kubernetes_refuses_is_a_load_error_at_the_field_and_the_rest_is_analysed(string field, string what, string yaml) =>
        AssertRejectedAtMarker(yaml, $"field '{field}' {what}");

    [Theory]
    [InlineData("consul.hashicorp.com/connect-inject")]
    [InlineData("consul.hashicorp.com/transparent-proxy")]
    [InlineData("consul.hashicorp.com/connect-service-upstreams")]
    [InlineData("consul.hashicorp.com/connect-service")]
    public void An_annotation_with_no_value_is_read_as_empty_and_the_rest_is_analysed(string annotation)
    {
        var mesh = Canary().Raw(Deployment($"      containers:\n        - name: web\n          image: web:1\n          ports:\n            - containerPort: 80", $"{annotation}:"))
            .Raw(Service("    - port: 80"));

        var report = mesh.Analyze();

        Assert.Empty(report.LoadErrors);
        AssertCanaryFound(report);
    }

    [Fact]
    public void An_empty_item_in_a_list_of_strings_is_kept_as_Kubernetes_keeps_it()
    {
        var mesh = Canary().Raw(Deployment("      containers:\n        - name: web\n          image: web:1\n          args:\n            - --port=8080\n            -"));

        var report = mesh.Analyze();

        Assert.Empty(report.LoadErrors);
        AssertCanaryFound(report);
    }

    [Theory]
    [MemberData(nameof(EmptyItems))]
    public void The_public_model_builder_sets_aside_what_Kubernetes_would_refuse(string field, string yaml)
    {
        var mesh = Canary().Raw(yaml);

        var model = MeshModelBuilder.Build(ManifestLoader.LoadText(mesh.ToString(), "<test>"));

        var error = Assert.Single(model.SetAside);
        Assert.Contains($"field '{field}' is an empty list item", error.Message, StringComparison.Ordinal);
        Assert.Equal(mesh.LineOf(Marker), error.Location.Line);
        Assert.DoesNotContain(model.Resources, r => r.Name == "web");
        Assert.Contains(model.Workloads, w => w.Name == "canary");
    }

    private static void AssertRejectedAtMarker(string yaml, string message)
    {
        var mesh = Canary().Raw(yaml);

        var report = mesh.Analyze();

        var error = Assert.Single(report.LoadErrors);
        Assert.Equal(LoadErrorIds.InvalidField, error.ErrorId);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(("<test>", mesh.LineOf(Marker)), (error.Location.File, error.Location.Line));
        Assert.DoesNotContain(report.Findings, f => f.Resource.Name == "web");
        AssertCanaryFound(report);
    }

    private static void AssertCanaryFound(AnalysisReport report) =>
        Assert.Contains(report.Findings, f => f.RuleId == "MESH101" && f.Resource.Name == "canary");

    /// <summary>A mesh with a known fault (targetPort 9999, container port 8080) that must survive its broken neighbour.</summary>
    private static TestMesh Canary() => new TestMesh().Workload("canary").Service("canary", port: 80, targetPort: "9999");

    private static string Deployment(string podSpec, string annotation = "consul.hashicorp.com/connect-inject: \"true\"") =>
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n"
        + $"    metadata:\n      labels:\n        app: web\n      annotations:\n        {annotation}\n    spec:\n{podSpec}";

    private static string Service(string ports) =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n{ports}";

    private static string Intentions(string sources) =>
        $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: web\nspec:\n  destination:\n    name: web\n{sources}";
}
