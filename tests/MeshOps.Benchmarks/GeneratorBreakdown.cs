using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshOps.Benchmarks;

/// <summary>
/// Diagnostic only: where the generator's time goes. Runs the first and the cached run with step tracking on and
/// prints, per step, the median of the summed <see cref="IncrementalGeneratorRunStep.ElapsedTime"/> (Roslyn's
/// own steps included), and the driver's total; then the analyzer's wall time against its own callback time.
/// Step tracking costs time of its own, so these totals are above the benchmark's.
/// </summary>
public static class GeneratorBreakdown
{
    public const int Runs = 3;

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        GeneratorJitWarmup.Ensure();
        foreach (var size in sizes)
        {
            var pipeline = GeneratorPipeline.Create(size);
            Once(pipeline);
            var runs = Enumerable.Range(0, Runs).Select(_ => Once(pipeline)).ToList();
            output.WriteLine();
            output.WriteLine($"Breakdown, {pipeline.Mesh.Services} services (median of {Runs} runs, ms; step tracking on; one core)");
            output.WriteLine(string.Format(inv, "{0,-64} {1,10} {2,10}", "step", "first run", "cached run"));
            foreach (var step in runs[0].Keys)
            {
                output.WriteLine(string.Format(inv, "{0,-64} {1,10:F2} {2,10:F2}", step,
                    QuickRunner.Median(runs.Select(r => r[step].First)), QuickRunner.Median(runs.Select(r => r[step].Cached))));
            }
        }
    }

    private static Dictionary<string, (double First, double Cached)> Once(GeneratorPipeline pipeline)
    {
        var rows = new Dictionary<string, (double First, double Cached)>();
        var compilation = GeneratorPipeline.NewCompilation(pipeline.Trees);
        var clock = Stopwatch.StartNew();
        var driver = GeneratorPipeline.NewDriver(trackSteps: true).RunGenerators(compilation);
        var firstWall = clock.Elapsed.TotalMilliseconds;
        var first = Steps(driver);
        var firstTotal = driver.GetTimingInfo().ElapsedTime.TotalMilliseconds;

        var edited = compilation.ReplaceSyntaxTree(pipeline.Unrelated, pipeline.UnrelatedEdited);
        clock.Restart();
        var after = driver.RunGenerators(edited);
        var cachedWall = clock.Elapsed.TotalMilliseconds;
        var cached = Steps(after);
        var cachedTotal = after.GetTimingInfo().ElapsedTime.TotalMilliseconds;

        foreach (var step in first.Keys.Union(cached.Keys))
        {
            rows["  " + step] = (first.GetValueOrDefault(step), cached.GetValueOrDefault(step));
        }

        rows["driver total (GeneratorDriverTimingInfo)"] = (firstTotal, cachedTotal);
        var generatedText = driver.GetRunResult().GeneratedTrees.Select(t => t.GetText()).ToList();
        clock.Restart();
        foreach (var text in generatedText)
        {
            CSharpSyntaxTree.ParseText(text, (CSharpParseOptions)pipeline.Trees[0].Options);
        }

        rows[$"parsing the generated text again ({generatedText.Sum(t => t.Length) / 1024:N0} KB; the driver parses what AddSource adds)"] = (clock.Elapsed.TotalMilliseconds, double.NaN);
        rows["RunGenerators wall-clock"] = (firstWall, cachedWall);

        var analyzers = GeneratorPipeline.PrepareAnalyzer(pipeline.NewCompilationWithGenerated());
        clock.Restart();
        GeneratorPipeline.Analyze(analyzers);
        var analyzerWall = clock.Elapsed.TotalMilliseconds;
        rows["analyzer wall-clock (binding included)"] = (analyzerWall, double.NaN);
        rows["analyzer own callbacks (telemetry)"] = (GeneratorPipeline.AnalyzerOwnTime(analyzers).TotalMilliseconds, double.NaN);
        var floor = GeneratorPipeline.NewCompilation(pipeline.Trees);
        clock.Restart();
        var attributes = BindEveryServiceAttribute(floor);
        rows[$"floor: symbol + GetAttributes() of every [MeshService] class ({attributes:N0} attributes)"] = (clock.Elapsed.TotalMilliseconds, double.NaN);

        var findOnly = GeneratorPipeline.NewCompilation(pipeline.Trees);
        var findOnlyDriver = CSharpGeneratorDriver.Create([new FindOnlyGenerator().AsSourceGenerator()])
            .RunGenerators(findOnly);
        clock.Restart();
        findOnlyDriver = CSharpGeneratorDriver.Create([new FindOnlyGenerator().AsSourceGenerator()]).RunGenerators(GeneratorPipeline.NewCompilation(pipeline.Trees));
        var findOnlyFirst = clock.Elapsed.TotalMilliseconds;
        var findOnlyEdited = findOnly.ReplaceSyntaxTree(pipeline.Unrelated, pipeline.UnrelatedEdited);
        var warmFindOnly = CSharpGeneratorDriver.Create([new FindOnlyGenerator().AsSourceGenerator()]).RunGenerators(findOnly);
        clock.Restart();
        warmFindOnly.RunGenerators(findOnlyEdited);
        rows["floor: ForAttributeWithMetadataName alone (transform returns the class name)"] = (findOnlyFirst, clock.Elapsed.TotalMilliseconds);

        var compile = pipeline.NewCompilationWithGenerated();
        clock.Restart();
        GeneratorPipeline.Compile(compile);
        rows["baseline: Compile (GetDiagnostics, fresh compilation)"] = (clock.Elapsed.TotalMilliseconds, double.NaN);
        return rows;
    }

    private static int BindEveryServiceAttribute(CSharpCompilation compilation)
    {
        var count = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var type in tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.AttributeLists.Count > 0))
            {
                foreach (var attribute in model.GetDeclaredSymbol(type)!.GetAttributes())
                {
                    count += attribute.ConstructorArguments.Length + attribute.NamedArguments.Length > 0 ? 1 : 0;
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The least a ForAttributeWithMetadataName-based [MeshService] generator (the earlier design) can do: find the
    /// classes and keep their names. Its cached run binds every match again.
    /// </summary>
    private sealed class FindOnlyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context) =>
            context.RegisterSourceOutput(
                context.SyntaxProvider.ForAttributeWithMetadataName(
                    "MeshOps.Authoring.MeshServiceAttribute", static (node, _) => node is ClassDeclarationSyntax, static (c, _) => c.TargetSymbol.Name).Collect(),
                static (_, _) => { });
    }

    /// <summary>Summed elapsed time of every tracked step by name (the step's own work, not its inputs').</summary>
    private static Dictionary<string, double> Steps(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps
            .ToDictionary(s => s.Key, s => s.Value.Sum(step => step.ElapsedTime.TotalMilliseconds));
}
