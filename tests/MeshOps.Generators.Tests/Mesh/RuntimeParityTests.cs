using System.Reflection;
using MeshOps.Analysis;
using Microsoft.CodeAnalysis;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// A typed mesh compiled for real (generator, analyzer, emit), then run: what the compiler reports for the declared
/// L7 intentions is what the runtime analyzer reports for the objects the mesh builds when it is built anyway.
/// </summary>
public class RuntimeParityTests
{
    public static TheoryData<string, string> Meshes => new()
    {
        { MeshSources.Healthy, string.Empty },
        { MeshSources.L7(".Allow<Web, Api>(http => http.PathPrefix(\"/api\").Methods(System.Net.Http.HttpMethod.Get))"), "MESH201 Warning" },
        { MeshSources.L7(".Permissions<Web, Api>(p => p.Deny(http => http.PathPrefix(\"/admin\")).Allow(http => http.Header(\"x-tenant\", h => h.Present())))"), "MESH201 Warning" },
        { MeshSources.L7OnTcp("Protocol = MeshProtocol.Tcp, ", ".Allow<Web, Api>(http => http.PathPrefix(\"/\"))"), "MESH204 Error" },
        { MeshSources.L7OnTcp(string.Empty, ".Permissions<Web, Api>(p => p.Allow(http => http.PathPrefix(\"/\")))"), "MESH204 Error" },
    };

    [Theory]
    [MemberData(nameof(Meshes))]
    public async Task The_compiler_and_the_runtime_report_the_same_rules_for_a_typed_mesh(string source, string expected)
    {
        var compilation = MeshCompilation.Create(source);

        var compileTime = await MeshCompilation.DiagnosticsAsync(compilation);
        var runtime = MeshAnalyzer.Analyze(((Authoring.MeshResources)Run(compilation, "Build")).ToManifestSet("DemoMesh"));

        Assert.Empty(runtime.LoadErrors);
        Assert.Equal(expected, string.Join(", ", compileTime.Select(d => d.Id + " " + d.Severity)));
        Assert.Equal(expected, string.Join(", ", runtime.Findings.Select(f => f.RuleId + " " + f.Severity)));
    }

    [Fact]
    public void The_L7_intentions_a_typed_mesh_writes_validate_against_the_real_crd()
    {
        var source = MeshSources.L7("""
            .Permissions<Web, Api>(p => p
                    .Deny(http => http.PathRegex("^/admin/.*").Header("x-debug", h => h.Present().Invert()))
                    .Allow(http => http.PathExact("/api").Methods(System.Net.Http.HttpMethod.Get, System.Net.Http.HttpMethod.Patch).Header("x-tenant", h => h.Suffix("-prod").IgnoreCase())))
                .Deny<Api, Web>(http => http.PathPrefix("/internal"))
            """);

        var resources = (Authoring.MeshResources)Run(MeshCompilation.Create(source), "Build");

        var l7 = resources.ServiceIntentions.Where(i => i.Spec.Sources!.Any(s => s.Permissions is { Count: > 0 })).ToList();
        Assert.Equal(["api", "web"], l7.Select(i => i.Metadata.Name));
        Assert.All(l7, i => Crds.SchemaValidationTests.AssertValid("serviceintentions", Crds.BuilderFiller.ToJson(i)));
    }

    // Analyzer diagnostics do not stop emit, just as a user can suppress them and build: the mesh runs and builds its objects.
    private static object Run(Compilation compilation, string method)
    {
        var (output, _) = MeshCompilation.Generate(compilation);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var mesh = Assembly.Load(image.ToArray()).GetType("Demo.DemoMesh", throwOnError: true)!;
        return mesh.GetMethod(method)!.Invoke(Activator.CreateInstance(mesh), null)!;
    }
}
