using System.Collections.Immutable;
using MeshOps.Authoring;
using MeshOps.Generators.Mesh;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshOps.Generators.Tests.Mesh;

/// <summary>
/// Drives the real compiler over typed-mesh sources: the generator through CSharpGeneratorDriver, then the analyzer
/// through CompilationWithAnalyzers on the generated compilation, as a build does.
/// </summary>
internal static class MeshCompilation
{
    public const string SourcePath = "/src/Mesh.cs";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    public static CSharpCompilation Create(params string[] sources) => Create(sources, null);

    public static CSharpCompilation Create(IReadOnlyList<string> sources, SyntaxTreeOptionsProvider? treeOptions)
    {
        var trees = sources.Select((text, i) =>
            CSharpSyntaxTree.ParseText(text, ParseOptions, i == 0 ? SourcePath : $"/src/File{i}.cs"));
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        if (treeOptions is not null)
        {
            options = options.WithSyntaxTreeOptionsProvider(treeOptions);
        }

        return CSharpCompilation.Create("MeshUnderTest", trees, References, options);
    }

    /// <summary>Parse options that report missing XML docs (CS1591), as a project with GenerateDocumentationFile does.</summary>
    public static readonly CSharpParseOptions DocumentedParseOptions = ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    public static CSharpCompilation CreateDocumented(string source) =>
        CSharpCompilation.Create(
            "MeshUnderTest",
            [CSharpSyntaxTree.ParseText(source, DocumentedParseOptions, SourcePath)],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(bool trackSteps = true, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new MeshGenerator().AsSourceGenerator()],
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and returns the compilation with the generated sources added.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Run) Generate(Compilation compilation)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (output, driver.GetRunResult());
    }

    /// <summary>Every diagnostic a build would show: compiler errors and warnings of the generated compilation plus the analyzer's.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Compilation compilation)
    {
        var (output, run) = Generate(compilation);
        Assert.Empty(run.Diagnostics);
        var withAnalyzers = output.WithAnalyzers([new MeshDeclarationAnalyzer()]);
        var all = await withAnalyzers.GetAllDiagnosticsAsync();
        return all.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
    }

    public static Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(params string[] sources) => DiagnosticsAsync(Create(sources));

    /// <summary>The runtime's assemblies alone: a project that does not reference MeshOps.</summary>
    public static readonly ImmutableArray<MetadataReference> PlatformReferences = PlatformPaths()
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    private static IEnumerable<string> PlatformPaths() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var sdk = new[]
        {
            typeof(MeshDefinition<>).Assembly.Location,
            typeof(k8s.Models.V1Service).Assembly.Location,
            typeof(Rules.Catalog.RuleCatalog).Assembly.Location,
            typeof(MeshOps.Consul.IMeshResource).Assembly.Location,
        };
        return PlatformPaths()
            .Concat(sdk)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
