using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshOps.Benchmarks;

/// <summary>
/// The typed-mesh generator under BenchmarkDotNet. Each benchmark runs once per iteration on objects its
/// <c>[IterationSetup]</c> made fresh (a compilation, a driver, the edited compilation), because a compilation or a
/// driver that has already run answers from its caches: timing many invocations on one of them would measure those
/// caches, not a build. Compile (the baseline) is the compiler's own binding of the project, generated file included.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    // Filled by the analyzer's IterationCleanup and read after the in-process run: BenchmarkDotNet reports times,
    // not the analyzer telemetry, and owns the benchmark instances.
    private static readonly ConcurrentDictionary<int, ConcurrentBag<double>> AnalyzerOwnMs = new();

    private GeneratorPipeline _pipeline = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private CompilationWithAnalyzers _analyzers = null!;

    [Params(100, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        GeneratorJitWarmup.Ensure();
        _pipeline = GeneratorPipeline.Create(Services);
    }

    [IterationSetup(Target = nameof(Compile))]
    public void SetupCompile() => _compilation = _pipeline.NewCompilationWithGenerated();

    [IterationSetup(Target = nameof(FirstRun))]
    public void SetupFirstRun()
    {
        _compilation = GeneratorPipeline.NewCompilation(_pipeline.Trees);
        _driver = GeneratorPipeline.NewDriver();
    }

    [IterationSetup(Target = nameof(CachedRun))]
    public void SetupCachedRun() => (_driver, _compilation) = _pipeline.PrepareCachedRun();

    [IterationSetup(Target = nameof(Analyzer))]
    public void SetupAnalyzer() => _analyzers = GeneratorPipeline.PrepareAnalyzer(_pipeline.NewCompilationWithGenerated());

    [IterationCleanup(Target = nameof(Analyzer))]
    public void RecordAnalyzerOwnTime() =>
        AnalyzerOwnMs.GetOrAdd(Services, _ => []).Add(GeneratorPipeline.AnalyzerOwnTime(_analyzers).TotalMilliseconds);

    [Benchmark]
    public int Parse() => GeneratorPipeline.Parse(_pipeline.Mesh.Files).Length;

    [Benchmark(Baseline = true)]
    public int Compile() => GeneratorPipeline.Compile(_compilation);

    [Benchmark]
    public bool FirstRun() => GeneratorPipeline.FirstRun(_driver, _compilation) is not null;

    [Benchmark]
    public bool CachedRun() => GeneratorPipeline.CachedRun(_driver, _compilation) is not null;

    [Benchmark]
    public int Analyzer() => GeneratorPipeline.Analyze(_analyzers).Length;

    /// <summary>Runs the class for <paramref name="sizes"/>, prints the target table and returns the number of missed targets.</summary>
    public static int RunAll(int[] sizes, TextWriter output)
    {
        // One invocation per iteration (the setup must run before each), so more iterations than the YAML benchmark's
        // ShortRun: 5 warm-ups, 15 measured.
        var job = Job.Dry
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithAffinity(Affinity.OneCore)
            .WithGcServer(false)
            .WithGcConcurrent(false)
            .WithId("1invocation-1core");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary)
            .AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(b => sizes.Contains((int)b.Parameters["Services"])));
        var summary = BenchmarkRunner.Run<GeneratorBenchmarks>(config);
        var results = FromSummary(summary);
        if (results.Count == 0)
        {
            Console.Error.WriteLine("BenchmarkDotNet produced no results; see the log above.");
            return 1;
        }

        return GeneratorResultTable.Print(results, "BenchmarkDotNet, 15 single-invocation iterations on fresh objects (in-process, 1 core), median", output);
    }

    private static IReadOnlyList<GeneratorSizeResult> FromSummary(Summary summary)
    {
        // The median: with one invocation per iteration a single GC or a neighbour's burst moves the mean.
        var medians = SummaryTimes.Milliseconds(summary, statistics => statistics.Median);
        string[] methods = [nameof(Parse), nameof(Compile), nameof(FirstRun), nameof(CachedRun), nameof(Analyzer)];
        return medians.Keys.Select(k => k.Services).Distinct().Order()
            .Where(s => methods.All(m => medians.ContainsKey((m, s))))
            .Select(s => new GeneratorSizeResult(
                s,
                medians[(nameof(Parse), s)],
                medians[(nameof(Compile), s)],
                medians[(nameof(FirstRun), s)],
                medians[(nameof(CachedRun), s)],
                medians[(nameof(Analyzer), s)],
                AnalyzerOwnMs.TryGetValue(s, out var own) ? QuickRunner.Median(own) : double.NaN))
            .ToList();
    }
}
