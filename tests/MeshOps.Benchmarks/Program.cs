using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/MeshOps.Benchmarks -- [--generator] [--quick] [--check] [--breakdown] [--sizes 500,1000]</c>
/// <list type="bullet">
/// <item>(no option) BenchmarkDotNet ShortRun with 7 iterations, in-process, pinned to one core; then the target table from its Summary.</item>
/// <item><c>--quick</c> Stopwatch loop (warm-up + median of 5), no BenchmarkDotNet: a sanity run, not a measurement of record.</item>
/// <item><c>--check</c> analyses the healthy synthetic mesh and lists every finding (there should be none).</item>
/// <item><c>--breakdown</c> times load, model build and each rule separately, then memory and GC pause per stage.</item>
/// <item><c>--paths</c> offline Test-MeshPath -All at 1,000 and 4,000 services: edges/s, growth, ratio to Test-MeshConfig's work.</item>
/// <item><c>--discovery</c> call discovery on one value of 25,000 to 200,000 endpoint lines, growth ratio per doubling.</item>
/// <item>Both run again in a child process under pwsh's GC (<see cref="HostGcRun"/>), and both runs are judged.</item>
/// <item><c>--discovery-stages</c> each stage of call discovery timed alone over the same values, to find the one that grows superlinearly.</item>
/// <item><c>--envoy-stats</c> the Envoy stats parsers on a 500,000-line /stats dump and its Prometheus form: lines/s, memory, ratio to PowerShell.</item>
/// <item><c>--startup</c> Import-Module in a fresh pwsh against one that imports nothing, and the first Test-MeshConfig call against the warm one.</item>
/// <item><c>--checks</c> New-MeshCheckSuite and Invoke-MeshCheck offline on 1,000 services in a fresh pwsh, against one Test-MeshConfig -Path of the same mesh.</item>
/// <item><c>--generator</c> the typed-mesh generator instead (sizes 100 and 1,000): first run, cached run after an unrelated
/// edit, the compile baseline and the analyzer; combines with <c>--quick</c>, <c>--check</c> and <c>--breakdown</c>.</item>
/// </list>
/// Exit code: the number of missed targets (or of errors found by --check; with --generator, of failed health checks).
/// </summary>
public static class Program
{
    private static readonly int[] AllSizes = [500, 1000, 2000, 4000];

    public static int Main(string[] args)
    {
        var sizes = Option(args, "--sizes") is { } list
            ? list.Split(',').Select(int.Parse).ToArray()
            : args.Contains("--generator") ? GeneratorMode.AllSizes : AllSizes;
        if (args.Contains("--startup"))
        {
            // Before pinning: the pwsh sessions it starts would inherit one core, which no user's session has.
            return StartupBenchmark.Run(Option(args, "--module"), Console.Out);
        }

        if (args.Contains("--checks"))
        {
            // Not pinned either, for the same reason: the suite runs in a pwsh session, as in a CI job.
            return ChecksBenchmark.Run(Console.Out);
        }

        Affinity.PinToOneCore();

        if (Option(args, "--envoy-stats-child") is { } statsFile)
        {
            return EnvoyStatsBenchmark.RunChild(statsFile, args[^1], Console.Out);
        }

        if (args.Contains("--envoy-stats"))
        {
            return EnvoyStatsBenchmark.Run(Console.Out);
        }

        if (args.Contains("--paths"))
        {
            return HostGcRun.InProcessThenUnderHostGc(args, () => PathsAll.Run(Option(args, "--sizes") is null ? PathsAll.AllSizes : sizes, Console.Out));
        }

        if (args.Contains("--broken"))
        {
            return BrokenMeshScaling.Run(Option(args, "--sizes") is null ? BrokenMeshScaling.AllSizes : sizes, Console.Out);
        }

        if (args.Contains("--discovery-stages"))
        {
            return DiscoveryStages.Run(Option(args, "--sizes") is null ? DiscoveryScaling.AllSizes : sizes, Console.Out);
        }

        if (args.Contains("--discovery"))
        {
            return HostGcRun.InProcessThenUnderHostGc(args, () => DiscoveryScaling.Run(Option(args, "--sizes") is null ? DiscoveryScaling.AllSizes : sizes, Console.Out));
        }

        if (args.Contains("--generator"))
        {
            return GeneratorMode.Run(args, sizes, Console.Out);
        }

        if (args.Contains("--check"))
        {
            return sizes.Sum(size => HealthCheck.Run(size, Console.Out));
        }

        if (args.Contains("--breakdown"))
        {
            Breakdown.Run(sizes, Console.Out);
            MemoryProfile.Run(sizes, Console.Out);
            return 0;
        }

        if (args.Contains("--quick"))
        {
            Console.WriteLine("QUICK MODE (Stopwatch, 2 warm-ups + median of 5, no BenchmarkDotNet): a sanity run, not a measurement of record.");
            var (wall, cpu) = QuickRunner.Run(sizes, Console.Out);
            var missed = ResultTable.Print(wall, "QUICK MODE: Stopwatch wall-clock, median of 5 after 2 warm-ups", Console.Out);
            ResultTable.Print(cpu, "QUICK MODE: process CPU time (less disturbed by other load), median of 5", Console.Out);
            return missed;
        }

        var summary = BenchmarkRunner.Run<MeshBenchmarks>(Config(sizes));
        var results = FromSummary(summary);
        if (results.Count == 0)
        {
            Console.Error.WriteLine("BenchmarkDotNet produced no results; see the log above.");
            return 1;
        }

        return ResultTable.Print(results, "BenchmarkDotNet ShortRun, 7 iterations (in-process, 1 core), mean", Console.Out);
    }

    private static IConfig Config(int[] sizes)
    {
        // ShortRun (1 launch, 3 warm-up iterations) with 7 measured iterations instead of 3: on a shared 2-core machine
        // three samples gave 99.9% intervals wider than the means. In-process saves building a separate host project;
        // the process itself is pinned to core 0 above, and the job's affinity says the same for the record.
        var job = Job.ShortRun
            .WithIterationCount(7)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithAffinity(Affinity.OneCore)
            .WithGcServer(false)
            .WithGcConcurrent(false)
            .WithId("ShortRun-1core");
        var config = DefaultConfig.Instance
            .AddJob(job)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.JoinSummary);
        return sizes.SequenceEqual(AllSizes)
            ? config
            : config.AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(b => sizes.Contains((int)b.Parameters["Services"])));
    }

    /// <summary>Mean of each (method, size) from the Summary; resources counted by loading the generated text once.</summary>
    public static IReadOnlyList<SizeResult> FromSummary(Summary summary)
    {
        var means = SummaryTimes.Milliseconds(summary, statistics => statistics.Mean);
        return means.Keys.Select(k => k.Services).Distinct().Order()
            .Where(s => means.ContainsKey((nameof(MeshBenchmarks.Parse), s)) && means.ContainsKey((nameof(MeshBenchmarks.Analyze), s)))
            .Select(s => new SizeResult(s, Pipeline.Load(SyntheticMesh.Generate(s)).Resources.Count,
                means[(nameof(MeshBenchmarks.Parse), s)], means[(nameof(MeshBenchmarks.Analyze), s)]))
            .ToList();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
