using System.Reflection;
using System.Text.RegularExpressions;
using MeshOps.Analysis;
using MeshOps.Sources.Files;
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

    /// <summary>
    /// One mistake per rule with a compile-time form, and the message arguments that say where the mistake is written,
    /// which legitimately differ: a C# declaration (<c>[Upstream(typeof(Api), Port = 9091)] on Web</c>) against the
    /// YAML the mesh writes (<c>env API_ADDR of container web</c>).
    /// </summary>
    public static TheoryData<string, string, int[]> Mistakes => new()
    {
        { "MESH101", MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", "[ServicePort(80, TargetPort = 8081)]"), [] },
        { "MESH101", MeshSources.HealthyWith("[ServicePort(80, TargetPort = 8080)]", "[ServicePort(80, TargetPortName = \"web\")]"), [] },
        { "MESH103", MeshSources.HealthyWith("[ContainerPort(9090)]", "[ContainerPort(9090, BindAddress = \"127.0.0.1\")]"), [] },
        { "MESH105", MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream(typeof(Api), Port = 9091)]"), [4] },
        { "MESH201", MeshSources.Healthy.Replace(".Allow<Web, Api>()", "", StringComparison.Ordinal), [2] },
        { "MESH201", MeshSources.L7(".Allow<Web, Api>(http => http.PathPrefix(\"/api\").Methods(System.Net.Http.HttpMethod.Get))"), [2] },
        { "MESH203", MeshSources.HealthyWith(".Allow<Web, Api>();", ".Allow<Web, Api>()\n        .Allow<Web, Api>();"), [] },
        { "MESH204", MeshSources.L7OnTcp("Protocol = MeshProtocol.Tcp, ", ".Allow<Web, Api>(http => http.PathPrefix(\"/\"))"), [] },
        { "MESH204", MeshSources.L7OnTcp(string.Empty, ".Permissions<Web, Api>(p => p.Allow(http => http.PathPrefix(\"/\")))"), [] },
        { "MESH301", MeshSources.HealthyWith("[MeshService(\"api\", Protocol = MeshProtocol.Http, Image = \"example/api:1\")]", "[MeshService(\"api\", Protocol = MeshProtocol.Grpc, Image = \"postgres:16\")]"), [] },
        { "MESH402", MeshSources.HealthyWith("public partial class Api;", "[ServiceAccount(AutomountToken = false)]\n    public partial class Api;"), [] },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task The_compiler_and_the_runtime_word_the_same_mistake_the_same_way(string id, string source, int[] whereWritten)
    {
        var compilation = MeshCompilation.Create(source);

        var diagnostic = Assert.Single(await MeshCompilation.DiagnosticsAsync(compilation));
        // Through YAML here, not objects: the messages quote file:line places, which the comparison lines up with the C# spans.
        var runtime = MeshAnalyzer.Analyze(ManifestLoader.LoadText(WrittenYaml(compilation), "demo-mesh.yaml"));

        Assert.Empty(runtime.LoadErrors);
        var finding = Assert.Single(runtime.Findings, f => f.RuleId == id);
        var rule = Rules.Catalog.RuleCatalog.Find(id)!;
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(finding.Severity.ToString(), diagnostic.Severity.ToString());
        Assert.Equal(
            Normalised(rule, finding.Message, whereWritten),
            Normalised(rule, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), whereWritten));
    }

    // A place in a file: a YAML line (demo-mesh.yaml:12 or demo-mesh.yaml:12:5) or a C# position (Mesh.cs(12,5)).
    private static readonly Regex Place = new(@"[^\s()]+\.yaml:\d+(?::\d+)?|[^\s()]+\.cs\(\d+,\d+\)", RegexOptions.CultureInvariant);

    /// <summary>
    /// The message with every file position replaced, and the arguments that name where the mistake is written
    /// (C# declaration or YAML field) replaced whole; the rest must match word for word.
    /// </summary>
    private static string Normalised(Rules.Catalog.RuleDescriptor rule, string message, int[] whereWritten)
    {
        var pattern = new System.Text.StringBuilder("^");
        var seen = new HashSet<int>();
        var parts = Regex.Split(rule.MessageFormat, @"(\{\d+\})");
        foreach (var part in parts)
        {
            if (Regex.Match(part, @"^\{(\d+)\}$") is { Success: true } placeholder)
            {
                var index = int.Parse(placeholder.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                pattern.Append(seen.Add(index) ? $"(?<a{index}>.*)" : $@"\k<a{index}>");
            }
            else
            {
                pattern.Append(Regex.Escape(part.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal)));
            }
        }

        var match = Regex.Match(message, pattern.Append('$').ToString(), RegexOptions.Singleline);
        Assert.True(match.Success, $"'{message}' is not worded by {rule.Id}'s format");
        var args = seen.Max() + 1;
        var normalised = Enumerable.Range(0, args)
            .Select(i => whereWritten.Contains(i) ? "<where written>" : Place.Replace(match.Groups["a" + i].Value, "<place>"))
            .ToArray<object>();
        return rule.FormatMessage(normalised);
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
    private static string WrittenYaml(Compilation compilation) => (string)Run(compilation, "ToYaml");

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
