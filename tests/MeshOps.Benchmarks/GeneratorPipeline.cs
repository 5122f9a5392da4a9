using System.Collections.Immutable;
using MeshOps.Authoring;
using MeshOps.Generators.Mesh;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshOps.Benchmarks;

/// <summary>
/// The measured compiler operations over a synthetic typed mesh, shared by the BenchmarkDotNet and the --quick runs.
/// Every operation starts from a fresh <see cref="CSharpCompilation"/> over already parsed trees: a compilation caches
/// its symbols and bound attributes, so a second generator run on the same compilation object would time a warm
/// symbol table that neither a build nor the IDE after an edit has. Only the timed call is inside each operation;
/// creating the compilation, the driver or the edited tree happens in <c>Prepare*</c>, outside the clock.
/// </summary>
public sealed class GeneratorPipeline
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);

    private static readonly ImmutableArray<MetadataReference> References = LoadReferences();

    // Step tracking off and no host outputs: what a command-line build asks of the driver.
    private static readonly GeneratorDriverOptions DriverOptions = new(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false);

    private GeneratorPipeline(SyntheticTypedMesh mesh, ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> generated)
    {
        Mesh = mesh;
        Trees = trees;
        Generated = generated;
        Unrelated = trees.Single(t => t.FilePath == SyntheticTypedMesh.UnrelatedPath);
        // An incremental reparse of the one edited file, as the IDE does it; the generator sees only the new tree.
        UnrelatedEdited = Unrelated.WithChangedText(SourceText.From(SyntheticTypedMesh.UnrelatedEdited));
    }

    public SyntheticTypedMesh Mesh { get; }

    /// <summary>The user's source files, parsed once.</summary>
    public ImmutableArray<SyntaxTree> Trees { get; }

    /// <summary>What the generator adds for this mesh (taken from one run), for the compile baseline and the analyzer.</summary>
    public ImmutableArray<SyntaxTree> Generated { get; }

    public SyntaxTree Unrelated { get; }

    public SyntaxTree UnrelatedEdited { get; }

    public static GeneratorPipeline Create(int services)
    {
        var mesh = SyntheticTypedMesh.Generate(services);
        var trees = Parse(mesh.Files);
        var driver = NewDriver().RunGenerators(NewCompilation(trees));
        var generated = driver.GetRunResult().GeneratedTrees;
        return new GeneratorPipeline(mesh, trees, generated);
    }

    /// <summary>Parses every file: the first half of what the compiler does before a generator runs.</summary>
    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<(string Path, string Text)> files) =>
        files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(f.Text), ParseOptions, f.Path)).ToImmutableArray();

    public static CSharpCompilation NewCompilation(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create("SyntheticMesh", trees, References, CompilationOptions);

    public static GeneratorDriver NewDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new MeshGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: trackSteps ? new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true) : DriverOptions);

    /// <summary>A fresh compilation of the user's code plus the generated file: what the build compiles after generating.</summary>
    public CSharpCompilation NewCompilationWithGenerated() => NewCompilation(Trees.Concat(Generated));

    /// <summary>Baseline: the compiler's own declaration and method-body binding of the whole project (all but emit).</summary>
    public static int Compile(CSharpCompilation fresh) => fresh.GetDiagnostics().Length;

    /// <summary>A first run: a fresh driver over a fresh compilation, as a build or a newly opened solution does.</summary>
    public static GeneratorDriver FirstRun(GeneratorDriver fresh, CSharpCompilation compilation) => fresh.RunGenerators(compilation);

    /// <summary>A driver that has run once, and the compilation after the unrelated edit.</summary>
    public (GeneratorDriver Driver, CSharpCompilation Edited) PrepareCachedRun(bool trackSteps = false)
    {
        var compilation = NewCompilation(Trees);
        var driver = NewDriver(trackSteps).RunGenerators(compilation);
        return (driver, compilation.ReplaceSyntaxTree(Unrelated, UnrelatedEdited));
    }

    /// <summary>The run after the unrelated edit: the IDE's case after every keystroke in another file.</summary>
    public static GeneratorDriver CachedRun(GeneratorDriver warm, CSharpCompilation edited) => warm.RunGenerators(edited);

    /// <summary>
    /// MeshDeclarationAnalyzer over a fresh compilation, on one thread (the process has one core). The wall time
    /// includes the binding the analyzer's operation callbacks need; the telemetry separates the analyzer's own time.
    /// </summary>
    public static CompilationWithAnalyzers PrepareAnalyzer(CSharpCompilation fresh) =>
        fresh.WithAnalyzers(
            [new MeshDeclarationAnalyzer()],
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));

    public static ImmutableArray<Diagnostic> Analyze(CompilationWithAnalyzers analyzers) =>
        analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>The analyzer's own callback time in the last <see cref="Analyze"/> of <paramref name="analyzers"/>.</summary>
    public static TimeSpan AnalyzerOwnTime(CompilationWithAnalyzers analyzers) =>
        analyzers.GetAnalyzerTelemetryInfoAsync(analyzers.Analyzers[0], CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var sdk = new[]
        {
            typeof(MeshDefinition<>).Assembly.Location,
            typeof(k8s.Models.V1Service).Assembly.Location,
            typeof(Rules.Catalog.RuleCatalog).Assembly.Location,
            typeof(MeshOps.Consul.IMeshResource).Assembly.Location,
        };
        return platform.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(sdk)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}
