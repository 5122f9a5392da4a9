using System.Globalization;

namespace MeshOps.Benchmarks;

/// <summary>
/// The generator benchmark without BenchmarkDotNet: per size, two warm-ups of every operation, then five interleaved
/// rounds of Parse, Compile, first run, cached run and analyzer, each on fresh objects, and the median of each.
/// Every sample is taken after a full GC, so one operation's garbage is not collected inside the next one's time.
/// </summary>
public static class GeneratorQuickRunner
{
    public const int WarmUps = 2;
    public const int Runs = 5;

    public static (IReadOnlyList<GeneratorSizeResult> Wall, IReadOnlyList<GeneratorSizeResult> Cpu) Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        var wall = new List<GeneratorSizeResult>();
        var cpu = new List<GeneratorSizeResult>();
        GeneratorJitWarmup.Ensure();
        foreach (var size in sizes)
        {
            var pipeline = GeneratorPipeline.Create(size);
            for (var i = 0; i < WarmUps; i++)
            {
                Round(pipeline);
            }

            var rounds = Enumerable.Range(0, Runs).Select(_ => Round(pipeline)).ToList();
            wall.Add(Result(size, rounds, s => s.WallMs));
            cpu.Add(Result(size, rounds, s => s.CpuMs));
            log.WriteLine($"  {size,5} services, wall ms: first {Join(rounds.Select(r => r.First.WallMs))} | cached {Join(rounds.Select(r => r.Cached.WallMs), "F2")}"
                + $" | compile {Join(rounds.Select(r => r.Compile.WallMs))} | analyzer {Join(rounds.Select(r => r.Analyzer.WallMs))}");
            log.WriteLine($"  {"",5}           per op:   first {rounds[0].First.AllocatedMb:F1} MB allocated, GCs gen0/1/2 {rounds[0].First.Gcs}"
                + $" | cached {rounds[0].Cached.AllocatedMb:F2} MB | compile {rounds[0].Compile.AllocatedMb:F0} MB | analyzer {rounds[0].Analyzer.AllocatedMb:F0} MB");
        }

        return (wall, cpu);
    }

    private sealed record Samples(QuickRunner.Sample Parse, QuickRunner.Sample Compile, QuickRunner.Sample First, QuickRunner.Sample Cached, QuickRunner.Sample Analyzer, double AnalyzerOwnMs);

    private static Samples Round(GeneratorPipeline pipeline)
    {
        var parse = QuickRunner.Time(() => GeneratorPipeline.Parse(pipeline.Mesh.Files));

        var forCompile = pipeline.NewCompilationWithGenerated();
        var compile = QuickRunner.Time(() => GeneratorPipeline.Compile(forCompile));

        var compilation = GeneratorPipeline.NewCompilation(pipeline.Trees);
        var driver = GeneratorPipeline.NewDriver();
        var first = QuickRunner.Time(() => GeneratorPipeline.FirstRun(driver, compilation));

        var (warm, edited) = pipeline.PrepareCachedRun();
        var cached = QuickRunner.Time(() => GeneratorPipeline.CachedRun(warm, edited));

        var analyzers = GeneratorPipeline.PrepareAnalyzer(pipeline.NewCompilationWithGenerated());
        var analyzer = QuickRunner.Time(() => GeneratorPipeline.Analyze(analyzers));
        return new Samples(parse, compile, first, cached, analyzer, GeneratorPipeline.AnalyzerOwnTime(analyzers).TotalMilliseconds);
    }

    private static GeneratorSizeResult Result(int services, List<Samples> rounds, Func<QuickRunner.Sample, double> pick) =>
        new(services,
            QuickRunner.Median(rounds.Select(r => pick(r.Parse))),
            QuickRunner.Median(rounds.Select(r => pick(r.Compile))),
            QuickRunner.Median(rounds.Select(r => pick(r.First))),
            QuickRunner.Median(rounds.Select(r => pick(r.Cached))),
            QuickRunner.Median(rounds.Select(r => pick(r.Analyzer))),
            QuickRunner.Median(rounds.Select(r => r.AnalyzerOwnMs)));

    private static string Join(IEnumerable<double> values, string format = "F0") =>
        string.Join(" ", values.Select(v => v.ToString(format, CultureInfo.InvariantCulture).PadLeft(5)));
}
