using System.Collections.Immutable;
using MeshOps.Generators.Mesh;
using MeshOps.Generators.Mesh.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// The generator reads [MeshService] classes from syntax and binds only what the syntax cannot decide: the syntax
/// reader must give the models the semantic reader (MeshParser) gives, fall back where it cannot be sure, and stay
/// cached when an unrelated file changes.
/// </summary>
public class SyntaxReaderTests
{
    /// <summary>Every mesh source the other tests compile, and the two example projects.</summary>
    public static TheoryData<string, string[]> TestSources()
    {
        var data = new TheoryData<string, string[]>
        {
            { "HashiCups.Mesh", ExampleSources("HashiCups.Mesh") },
            { "HashiCups.Mistakes", ExampleSources("HashiCups.Mistakes") },
            { "Healthy", [MeshSources.Healthy] },
            { "Every protocol", [EveryProtocol()] },
        };
        foreach (var (name, source) in MeshGeneratorTests.Snapshots.Select(row => ((string)row[0], (string)row[1])))
        {
            data.Add("Snapshot " + name, [source]);
        }

        var i = 0;
        foreach (var row in MeshDiagnosticsTests.Mistakes)
        {
            data.Add($"Mistake {i++} {row[0]}", [Markup.Parse((string)row[2]).Source]);
        }

        i = 0;
        foreach (var row in RuntimeParityTests.Meshes)
        {
            data.Add($"Runtime parity {i++}", [(string)row[0]]);
        }

        return data;
    }

    // One service per MeshProtocol member, so the syntax reader's member → value map follows the enum.
    private static string EveryProtocol() => MeshSources.Mesh(
        Enum.GetNames<Consul.MeshProtocol>().Select(member => $$"""
            [MeshService("{{member.ToLowerInvariant()}}", Protocol = MeshProtocol.{{member}})]
            public partial class {{member}}Service;
            """).Append("protected override void Configure(IntentionBuilder<DemoMesh> intentions) { }").ToArray());

    [Theory]
    [MemberData(nameof(TestSources))]
    public void The_syntax_reader_yields_the_models_the_semantic_reader_yields(string name, string[] sources)
    {
        var compilation = MeshCompilation.Create(sources);
        var semantic = ReadSymbols(compilation);
        Assert.NotEmpty(semantic);

        var resolved = ReadSyntax(compilation);

        // Decided by syntax: exactly the semantic model. Left to binding: only a service with typeof(string), which
        // names no sibling (MESH704).
        Assert.Equal(semantic.Count, resolved.Count);
        for (var i = 0; i < resolved.Count; i++)
        {
            if (resolved[i].Service is { } fromSyntax)
            {
                Assert.Equal(semantic[i], fromSyntax);
            }
            else
            {
                Assert.Contains(semantic[i].Upstreams, u => u.TargetMetadataName == "string");
            }
        }

        Assert.Equal(semantic, MeshServiceResolver.Bind(resolved, MeshOpsReference.Trusted, compilation, CancellationToken.None));
        Assert.Equal(MeshOpsReference.Trusted, MeshServiceResolver.CheckReference(compilation, CancellationToken.None));
        _ = name;
    }

    [Fact]
    public void The_all_literal_case_never_touches_the_compilation()
    {
        var resolved = ReadSyntax(MeshCompilation.Create(ExampleSources("HashiCups.Mesh")));

        Assert.All(resolved, entry => Assert.NotNull(entry.Service));
        // Bind must not even look at the compilation when the syntax decided everything.
        var services = MeshServiceResolver.Bind(resolved, MeshOpsReference.Trusted, compilation: null!, CancellationToken.None);
        Assert.Equal(6, services.Count);
    }

    /// <summary>
    /// A variant of the healthy mesh that the syntax cannot (or can) decide, and how many declarations it binds (-1:
    /// every one, because a MeshOps name is aliased or taken). It must generate what the healthy mesh generates.
    /// </summary>
    public static TheoryData<string, string[], int> Variants => new()
    {
        {
            "constant argument",
            [MeshSources.HealthyWith("[ServicePort(9090)]", "[ServicePort(ApiPort)]").Replace("public partial class Api;", "public partial class Api;\n\n    private const int ApiPort = 9090;", StringComparison.Ordinal)],
            1
        },
        {
            "nameof argument",
            [MeshSources.HealthyWith("[MeshService(\"api\"", "[MeshService(nameof(api)").Replace("public partial class Api;", "public partial class Api;\n\n    private const int api = 0;", StringComparison.Ordinal)],
            1
        },
        { "cast protocol", [MeshSources.HealthyWith("[MeshService(\"api\", Protocol = MeshProtocol.Http", "[MeshService(\"api\", Protocol = (MeshProtocol)1")], 1 },
        { "qualified typeof", [MeshSources.HealthyWith("[Upstream(typeof(Api))]", "[Upstream(typeof(DemoMesh.Api))]")], 1 },
        { "named positional", [MeshSources.HealthyWith("[ContainerPort(9090)]", "[ContainerPort(port: 9090)]")], 1 },
        { "alias of an attribute", ["using Port = MeshOps.Authoring.ContainerPortAttribute;\n" + MeshSources.HealthyWith("[ContainerPort(9090)]", "[Port(9090)]")], -1 },
        { "alias of [MeshService]", ["using Svc = MeshOps.Authoring.MeshServiceAttribute;\n" + MeshSources.HealthyWith("[MeshService(\"api\"", "[Svc(\"api\"")], -1 },
        { "global alias in another file", [MeshSources.HealthyWith("[MeshService(\"api\"", "[Svc(\"api\""), "global using Svc = MeshOps.Authoring.MeshServiceAttribute;"], -1 },
        { "source type taking a MeshOps name", [MeshSources.Healthy, "namespace Other { public sealed class UpstreamAttribute : System.Attribute; }"], -1 },
        { "source class named like an attribute, but no attribute", [MeshSources.Healthy, "namespace Other { public sealed class Upstream; }"], 0 },
        { "service split over parts", [MeshSources.HealthyWith("[ServicePort(9090)]\n    public partial class Api;", "public partial class Api;\n\n    [ServicePort(9090)]\n    public partial class Api;")], 1 },
        { "qualified attribute", [MeshSources.HealthyWith("[ServicePort(9090)]", "[global::MeshOps.Authoring.ServicePort(9090)]")], 0 },
        {
            "mesh base on another part",
            [
                MeshSources.Healthy.Replace("public partial class DemoMesh : MeshDefinition<DemoMesh>", "public partial class DemoMesh", StringComparison.Ordinal),
                "namespace Demo { public partial class DemoMesh : MeshOps.Authoring.MeshDefinition<DemoMesh>; }",
            ],
            0
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_variant_generates_what_its_literal_form_generates(string name, string[] sources, int bound)
    {
        var expected = GeneratedText(MeshCompilation.Create(MeshSources.Healthy));
        var compilation = MeshCompilation.Create(sources);

        var (output, run) = MeshCompilation.Generate(compilation);

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var result = Assert.Single(run.Results);
        Assert.Equal(expected, Assert.Single(result.GeneratedSources).SourceText.ToString());
        var reference = (MeshOpsReference)Assert.Single(result.TrackedSteps[TrackingNames.Mesh.Names]).Outputs[0].Value;
        var resolved = (EquatableArray<ResolvedService>)Assert.Single(result.TrackedSteps[TrackingNames.Mesh.ResolvedServices]).Outputs[0].Value;
        if (bound < 0)
        {
            Assert.Equal(MeshOpsReference.Shadowed, reference);
        }
        else
        {
            Assert.Equal(MeshOpsReference.Trusted, reference);
            Assert.Equal(bound, resolved.Count(r => r.Service is null));
        }

        _ = name;
    }

    [Fact]
    public void A_project_without_MeshOps_gets_nothing_even_with_its_own_MeshService_attribute()
    {
        var source = """
            namespace Mine
            {
                public sealed class MeshServiceAttribute(string name) : System.Attribute { public string Name { get; } = name; }
                public abstract class MeshDefinition<T>;

                public partial class MyMesh : MeshDefinition<MyMesh>
                {
                    [MeshService("web")]
                    public partial class Web;
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            "NoMeshOps",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            MeshCompilation.PlatformReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var result = MeshCompilation.Driver().RunGenerators(compilation).GetRunResult().Results[0];

        Assert.Empty(result.GeneratedSources);
        Assert.Null(result.Exception);
        // The syntax alone would take the class for a service; the check on the compilation is what stops it.
        Assert.NotNull(Assert.Single(ReadSyntax(compilation)).Service);
        Assert.Equal(MeshOpsReference.Absent, MeshServiceResolver.CheckReference(compilation, CancellationToken.None));
    }

    [Fact]
    public void An_edit_re_reads_only_the_edited_tree_and_leaves_everything_else_cached()
    {
        // The mesh over two files, beside an unrelated one.
        var first = MeshSources.Mesh(MeshSources.Web, MeshSources.Configure);
        var second = MeshSources.Mesh(MeshSources.Api).Replace(" : MeshDefinition<DemoMesh>", string.Empty, StringComparison.Ordinal);
        var compilation = MeshCompilation.Create(first, second, "namespace Demo; public static class Util { public static int One() => 1; }");
        var driver = MeshCompilation.Driver().RunGenerators(compilation);
        var before = Declarations(driver.GetRunResult().Results[0]);

        var unrelated = Run(driver, compilation, 2, "namespace Demo; public static class Util { public static int Two() => 2; }");

        // Roslyn calls a syntax transform again for every match on every compilation and compares the result
        // (Unchanged); the reader hands back the model it read before, so nothing of the mesh was read again.
        AssertCachedOrUnchanged(unrelated);
        Assert.Equal(["Web", "Api"], Declarations(unrelated).Select(d => d.Service.ClassName));
        Assert.All(Declarations(unrelated).Zip(before), pair => Assert.Same(pair.Second, pair.First));

        // An edit to the second mesh file (a comment) reads that file's declaration again, to an equal model.
        var edited = Run(driver, compilation, 1, second + "\n// a comment\n");

        AssertCachedOrUnchanged(edited);
        var after = Declarations(edited);
        Assert.Same(before[0], after[0]);
        Assert.Equal(before[1], after[1]);
    }

    private static void AssertCachedOrUnchanged(GeneratorRunResult result)
    {
        Assert.All(
            result.TrackedSteps.Where(s => s.Key.StartsWith("Mesh", StringComparison.Ordinal)).SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static List<ServiceDeclaration> Declarations(GeneratorRunResult result) =>
        result.TrackedSteps[TrackingNames.Mesh.ServiceDeclarations].Select(s => (ServiceDeclaration)s.Outputs[0].Value).ToList();

    private static GeneratorRunResult Run(GeneratorDriver driver, Compilation compilation, int tree, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(tree);
        var edited = compilation.ReplaceSyntaxTree(old, old.WithChangedText(SourceText.From(text)));
        return driver.RunGenerators(edited).GetRunResult().Results[0];
    }

    private static string GeneratedText(Compilation compilation) =>
        Assert.Single(Assert.Single(MeshCompilation.Generate(compilation).Run.Results).GeneratedSources).SourceText.ToString();

    private static string[] ExampleSources(string project) =>
        Directory.GetFiles(RepoPaths.Combine("examples", project), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();

    /// <summary>What the generator's syntax path decides, without the driver.</summary>
    private static EquatableArray<ResolvedService> ReadSyntax(Compilation compilation)
    {
        var nodes = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes()).ToList();
        var declarations = nodes.Where(n => MeshSyntaxReader.IsServiceCandidate(n, CancellationToken.None))
            .Select(n => MeshSyntaxReader.ReadService((ClassDeclarationSyntax)n))
            .ToImmutableArray();
        var meshes = nodes.Where(n => MeshSyntaxReader.IsMeshCandidate(n, CancellationToken.None))
            .Select(n => MeshSyntaxReader.ReadMesh((ClassDeclarationSyntax)n))
            .ToImmutableArray();
        return MeshServiceResolver.Resolve(declarations, meshes);
    }

    /// <summary>The semantic reader over every class that carries [MeshService], in declaration order.</summary>
    private static List<DeclaredServiceModel> ReadSymbols(Compilation compilation)
    {
        var services = new List<DeclaredServiceModel>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(type) is { } symbol && MeshParser.ReadService(symbol, CancellationToken.None) is { } service)
                {
                    services.Add(service);
                }
            }
        }

        return services;
    }
}
