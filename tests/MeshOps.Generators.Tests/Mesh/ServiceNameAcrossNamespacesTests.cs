using System.Globalization;
using System.Reflection;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Sources.Files;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// MESH703 across Kubernetes namespaces, as Consul sees the names: on CE one Consul namespace holds every service, so
/// the same name in two Kubernetes namespaces is one Consul service; on Enterprise Consul keeps them apart, but the
/// typed mesh names services by name alone. And the Enterprise mesh the compiler accepts reads back with no finding.
/// </summary>
public class ServiceNameAcrossNamespacesTests
{
    // A second "api" in namespace "tools", beside the healthy mesh's api in "backend".
    private const string SecondApi = """
        [MeshService("api", Namespace = "tools", Image = "example/tools-api:1")]
        [ContainerPort(9090)]
        [ServicePort(9090)]
        public partial class ToolsApi;
    """;

    private static string Mesh(string edition, params string[] extra) => MeshSources.Mesh(
        [MeshSources.Web, MeshSources.Api.Replace("[MeshService(\"api\", ", "[MeshService(\"api\", Namespace = \"backend\", ", StringComparison.Ordinal), .. extra, MeshSources.Configure])
        .Replace("public partial class DemoMesh", $"[ConsulMesh(Namespace = \"shop\"{edition})]\npublic partial class DemoMesh", StringComparison.Ordinal);

    private const string Enterprise = ", Edition = ConsulEdition.Enterprise";

    private static async Task<string> Mesh703Async(string source)
    {
        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(source));
        Assert.Equal("MESH703", diagnostic.Id);
        return diagnostic.GetMessage(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task On_CE_one_name_in_two_namespaces_is_one_Consul_service()
    {
        var message = await Mesh703Async(Mesh(string.Empty, SecondApi));

        Assert.StartsWith("ToolsApi declares service 'api', which Api already declares in namespace backend (ToolsApi in tools). Consul CE registers every Kubernetes namespace's services into Consul namespace default, so both are one Consul service", message, StringComparison.Ordinal);
        Assert.Contains("'all ServiceDefaults resources must have unique names across namespaces'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Enterprise_Consul_keeps_the_two_apart_and_the_message_says_the_typed_mesh_cannot()
    {
        var message = await Mesh703Async(Mesh(Enterprise, SecondApi));

        Assert.Contains("Consul Enterprise keeps them apart (a service name is unique within its Consul namespace), but a typed mesh names a service by its name alone", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Consul CE", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(Enterprise)]
    public async Task In_one_namespace_the_two_write_the_same_objects_on_either_edition(string edition)
    {
        var message = await Mesh703Async(Mesh(edition, SecondApi.Replace("Namespace = \"tools\"", "Namespace = \"backend\"", StringComparison.Ordinal)));

        Assert.EndsWith("which Api already declares. Both would write the same Service, ServiceAccount and ServiceDefaults; the last one applied wins and Consul sees one service.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_MeshConfig_finds_nothing_in_the_Enterprise_mesh_the_compiler_accepts()
    {
        var compilation = MeshCompilation.Create(Mesh(Enterprise));

        Assert.Empty(await MeshCompilation.DiagnosticsAsync(compilation));
        var (output, _) = MeshCompilation.Generate(compilation);
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var mesh = Assembly.Load(image.ToArray()).GetType("Demo.DemoMesh", throwOnError: true)!;
        var yaml = (string)mesh.GetMethod("ToYaml")!.Invoke(Activator.CreateInstance(mesh), null)!;
        Assert.Contains("namespace: backend", yaml, StringComparison.Ordinal);
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(yaml, "demo-mesh.yaml"));
        Assert.Empty(report.LoadErrors);
        Assert.Equal(string.Empty, string.Join("; ", report.Findings.Select(f => f.RuleId + " " + f.Message)));
    }
}
