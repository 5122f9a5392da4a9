using System.Reflection;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Sources.Files;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// A typed mesh in Kubernetes namespaces: the mesh's namespace, a service's own, and what Consul's edition makes of
/// them (CE: one Consul namespace, none written; Enterprise with mirroringK8S: Consul namespace = Kubernetes namespace).
/// </summary>
public class NamespaceTests
{
    private static string Mesh(string edition) => MeshSources.Mesh(
        MeshSources.Web,
        MeshSources.Api.Replace("[MeshService(\"api\", ", "[MeshService(\"api\", Namespace = \"backend\", ", StringComparison.Ordinal),
        MeshSources.Configure).Replace("public partial class DemoMesh", $"[ConsulMesh(Namespace = \"shop\"{edition})]\npublic partial class DemoMesh", StringComparison.Ordinal);

    [Fact]
    public async Task Objects_go_to_the_mesh_namespace_or_the_service_own_and_a_cross_namespace_upstream_is_dialled_by_namespace()
    {
        var compilation = MeshCompilation.Create(Mesh(string.Empty));

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(compilation));
        var resources = Build(compilation);
        Assert.Equal(["shop", "backend"], resources.Services.Select(s => s.Metadata.NamespaceProperty));
        Assert.Equal(["shop", "backend"], resources.ServiceAccounts.Select(s => s.Metadata.NamespaceProperty));
        Assert.Equal(["shop", "backend"], resources.ServiceDefaults.Select(s => s.Metadata.NamespaceProperty));
        Assert.Equal(["shop", "backend"], resources.Deployments.Select(s => s.Metadata.NamespaceProperty));
        var env = Assert.Single(resources.Deployments[0].Spec.Template.Spec.Containers[0].Env);
        Assert.Equal(("API_ADDR", "api.backend:9090"), (env.Name, env.Value));
    }

    [Fact]
    public void On_CE_intentions_name_no_Consul_namespace_and_live_with_their_destination()
    {
        var resources = Build(MeshCompilation.Create(Mesh(string.Empty)));

        Assert.Equal([("deny-all", "shop"), ("api", "backend")], resources.ServiceIntentions.Select(i => (i.Metadata.Name, i.Metadata.NamespaceProperty)));
        Assert.All(resources.ServiceIntentions, i =>
        {
            Assert.Null(i.Spec.Destination!.Namespace);
            Assert.All(i.Spec.Sources!, s => Assert.Null(s.Namespace));
        });
    }

    [Fact]
    public void On_Enterprise_intentions_name_both_sides_Consul_namespaces_and_deny_all_spans_every_namespace()
    {
        var resources = Build(MeshCompilation.Create(Mesh(", Edition = ConsulEdition.Enterprise")));

        var denyAll = resources.ServiceIntentions[0];
        Assert.Equal(("*", "*"), (denyAll.Spec.Destination!.Name, denyAll.Spec.Destination.Namespace));
        Assert.Equal(("*", "*"), (denyAll.Spec.Sources![0].Name, denyAll.Spec.Sources[0].Namespace));
        var api = resources.ServiceIntentions[1];
        Assert.Equal(("api", "backend"), (api.Spec.Destination!.Name, api.Spec.Destination.Namespace));
        Assert.Equal(("web", "shop"), (api.Spec.Sources![0].Name, api.Spec.Sources[0].Namespace));
        Assert.All(resources.ServiceIntentions, i => Crds.SchemaValidationTests.AssertValid("serviceintentions", Crds.BuilderFiller.ToJson(i)));
    }

    [Fact]
    public async Task A_mesh_without_namespaces_writes_none_as_before()
    {
        var compilation = MeshCompilation.Create(MeshSources.Healthy);

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(compilation));
        var yaml = (string)typeof(MeshResources).GetMethod("ToYaml")!.Invoke(Build(compilation), null)!;
        Assert.DoesNotContain("namespace:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MeshConfig_finds_nothing_in_the_CE_mesh_the_compiler_accepts()
    {
        var compilation = MeshCompilation.Create(Mesh(string.Empty));

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(compilation));
        var yaml = (string)typeof(MeshResources).GetMethod("ToYaml")!.Invoke(Build(compilation), null)!;
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(yaml, "demo-mesh.yaml"));
        Assert.Empty(report.LoadErrors);
        Assert.Equal(string.Empty, string.Join("; ", report.Findings.Select(f => f.RuleId + " " + f.Message)));
    }

    private static MeshResources Build(Compilation compilation)
    {
        var (output, _) = MeshCompilation.Generate(compilation);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var mesh = Assembly.Load(image.ToArray()).GetType("Demo.DemoMesh", throwOnError: true)!;
        return (MeshResources)mesh.GetMethod("Build")!.Invoke(Activator.CreateInstance(mesh), null)!;
    }
}
