using k8s.Models;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Tests.Authoring;
using MeshOps.Sources.Typed;
using IntentionAction = MeshOps.Consul.IntentionAction;

namespace MeshOps.Tests.Sources;

public class TypedObjectSourceTests
{
    private static readonly MeshServiceSpec Web = WebAndApi.Web;

    private static readonly MeshServiceSpec Api = WebAndApi.Api with { Protocol = MeshProtocol.Tcp };

    [Fact]
    public void Each_object_is_its_own_model_located_by_source_and_name()
    {
        var defaults = ServiceDefaults.Create("web").WithNamespace("shop").WithProtocol(MeshProtocol.Http).WithLabel("team", "a").Build();

        var set = TypedObjectSource.Read([defaults], "ShopMesh");

        Assert.Empty(set.Errors);
        var resource = Assert.Single(set.Resources);
        Assert.Same(defaults, resource.Model);
        Assert.Equal(("consul.hashicorp.com/v1alpha1", "ServiceDefaults", "web", "shop"), (resource.ApiVersion, resource.Kind, resource.Name, resource.Namespace));
        Assert.Equal("a", resource.Labels["team"]);
        Assert.Equal(new SourceLocation("ShopMesh: ServiceDefaults/shop/web", 0, 0), resource.Location);
        Assert.Equal(resource.Location, resource.LocationOf("spec", "protocol"));
    }

    [Fact]
    public void A_kubernetes_model_without_apiVersion_and_kind_is_named_by_its_type()
    {
        var resource = Assert.Single(TypedObjectSource.Read([new V1Service { Metadata = new V1ObjectMeta { Name = "api" } }], "test").Resources);

        Assert.Equal(("v1", "Service"), (resource.ApiVersion, resource.Kind));
    }

    [Fact]
    public void Objects_that_are_not_kubernetes_objects_or_have_no_name_are_load_errors_not_exceptions()
    {
        var set = TypedObjectSource.Read(["text", new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap" }], "test");

        Assert.Empty(set.Resources);
        Assert.Equal([LoadErrorIds.NotAnObject, LoadErrorIds.MissingIdentity], set.Errors.Select(e => e.ErrorId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_typed_mesh_analysed_as_objects_has_the_findings_of_its_yaml(bool denyAll)
    {
        var permissions = new HttpPermissions().Allow(http => http.PathPrefix("/api")).Build();
        var mesh = MeshObjectFactory.Create([Web, Api], denyAll, [new("web", "api", null, permissions), new("api", "web", IntentionAction.Deny)]);

        var fromObjects = MeshAnalyzer.Analyze(mesh.ToManifestSet("typed-mesh"));
        var fromYaml = MeshAnalyzer.Analyze(ManifestLoader.LoadText(mesh.ToYaml(), "typed-mesh.yaml"));

        Assert.Empty(fromObjects.LoadErrors);
        Assert.NotEmpty(fromYaml.Findings);
        Assert.Equal(Verdicts(fromYaml), Verdicts(fromObjects));
    }

    private static List<string> Verdicts(AnalysisReport report) =>
        report.Findings.Select(f => $"{f.RuleId} {f.Severity} {f.Resource}").Order(StringComparer.Ordinal).ToList();
}
