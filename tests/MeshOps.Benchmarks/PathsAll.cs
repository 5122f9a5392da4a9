using System.Diagnostics;
using System.Globalization;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--paths</c>: offline <c>Test-MeshPath -All</c> on the synthetic meshes of 1,000 and 4,000 services (issue 13).
/// Targets: 1,000 services in at most 2 s, and at most 4.4 times as long for 4 times the services. Beside it, as the
/// denominator of its ratio, Test-MeshConfig's work on the same text (load and analyse), measured in the same rounds.
/// Not a test: nothing asserts on time; the exit code counts the missed targets.
/// </summary>
/// <remarks>
/// As in <see cref="DiscoveryScaling"/>: the clock is <see cref="WorkClock"/> (run under both GC modes by
/// <see cref="HostGcRun"/>), and the targets are judged on the fastest of <see cref="Rounds"/> runs, since other work on the shared
/// cores only ever adds time; each round runs every size, starting at a different one. Wall-clock time is printed too.
/// </remarks>
public static class PathsAll
{
    public static readonly int[] AllSizes = [1000, 4000];
    private const int Rounds = 5;
    private const int TargetSize = 1000;
    private const double TargetMs = 2000;
    private const double TargetGrowth = 4.4;

    public static int Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        log.WriteLine($"Test-MeshPath -All offline (load, analyse, model, graph, trace every edge per port), {Rounds} rounds, sizes interleaved, starting size rotated, {FreshHeap.Description}.");
        log.WriteLine($"Time: {WorkClock.Describe("measuring")}; "
            + $"affinity {Affinity.Describe()}; {Affinity.LoadAverage()}.");
        log.WriteLine($"TARGETS: {TargetSize:N0} services in <= {TargetMs / 1000:F0} s; growth {sizes[0]:N0} -> {sizes[^1]:N0} <= {TargetGrowth:F1} (for 4x the services); judged on the fastest run's CPU time.");

        var warmUp = SyntheticMesh.Generate(64);
        TieredJit.Settle(20, () =>
        {
            PathsAllPipeline.Baseline(warmUp);
            PathsAllPipeline.All(warmUp);
        });

        var meshes = sizes.Select(s => SyntheticMesh.Generate(s)).ToArray();
        var samples = sizes.Select(_ => new List<Measured>()).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < sizes.Count; k++)
            {
                var i = (round + k) % sizes.Count;
                var baseline = Measure(() => PathsAllPipeline.Baseline(meshes[i]));
                var stages = new List<(string Stage, double Ms, double GcMs, double Mb)>();
                var result = default(PathsAllPipeline.AllResult);
                var all = Measure(() => result = PathsAllPipeline.All(meshes[i], (stage, ms, gc, mb) => stages.Add((stage, ms, gc, mb))));
                samples[i].Add(new Measured(baseline, all, result, stages));
            }
        }

        return Report(sizes, samples.Select(Stats.Of).ToArray(), log);
    }

    private static int Report(IReadOnlyList<int> sizes, IReadOnlyList<Stats> stats, TextWriter log)
    {
        for (var i = 0; i < stats.Count; i++)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sizes[i],5:N0} services: {stats[i].Edges:N0} edges traced, {stats[i].Result.Passed:N0} pass; fastest run's stages, CPU ms (GC pause in it, MB allocated): {string.Join(", ", stats[i].Stages.Select(x => $"{x.Stage} {x.Ms:F0} ({x.GcMs:F0}, {x.Mb:F0})"))}"));
        }

        log.WriteLine($"  {"services",8} {"edges",7} {"-All min",9} {"median",7} {"wall min",9} {"edges/s",8} {"baseline",9} {"-All/base",9}   (ms; baseline = load + analyse)");
        var missed = 0;
        for (var i = 0; i < stats.Count; i++)
        {
            var s = stats[i];
            var verdict = sizes[i] == TargetSize ? (s.AllMin <= TargetMs ? "  PASS" : "  MISS") : "";
            missed += verdict == "  MISS" ? 1 : 0;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {sizes[i],8:N0} {s.Edges,7:N0} {s.AllMin,9:F0} {s.AllMedian,7:F0} {s.AllWallMin,9:F0} {s.Edges / (s.AllMin / 1000),8:N0} {s.BaselineMin,9:F0} {s.AllMin / s.BaselineMin,9:F2}{verdict}"));
        }

        if (stats.Count > 1)
        {
            var growth = stats[^1].AllMin / stats[0].AllMin;
            var verdict = growth <= TargetGrowth ? "PASS" : "MISS";
            missed += verdict == "MISS" ? 1 : 0;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  growth {sizes[0]:N0} -> {sizes[^1]:N0}: -All {growth:F2} (target <= {TargetGrowth:F1}) {verdict}; baseline {stats[^1].BaselineMin / stats[0].BaselineMin:F2}, edges {(double)stats[^1].Edges / stats[0].Edges:F2}"));
        }

        log.WriteLine(missed == 0 ? "All targets met." : $"{missed} target(s) missed.");
        return missed;
    }

    private readonly record struct Sample(double CpuMs, double WallMs);

    private static Sample Measure(Action action)
    {
        FreshHeap.Prepare();
        var cpu = WorkClock.Milliseconds();
        var clock = Stopwatch.StartNew();
        action();
        return new Sample(WorkClock.Milliseconds() - cpu, clock.Elapsed.TotalMilliseconds);
    }

    private sealed record Measured(Sample Baseline, Sample All, PathsAllPipeline.AllResult Result, IReadOnlyList<(string Stage, double Ms, double GcMs, double Mb)> Stages);

    private sealed record Stats(PathsAllPipeline.AllResult Result, double AllMin, double AllMedian, double AllWallMin, double BaselineMin, IReadOnlyList<(string Stage, double Ms, double GcMs, double Mb)> Stages)
    {
        public int Edges => Result.Traced;

        /// <summary>The stages are those of the fastest run, so they add up to the figure judged.</summary>
        public static Stats Of(List<Measured> runs)
        {
            var fastest = runs.MinBy(r => r.All.CpuMs)!;
            return new(fastest.Result, fastest.All.CpuMs, QuickRunner.Median(runs.Select(r => r.All.CpuMs)), runs.Min(r => r.All.WallMs), runs.Min(r => r.Baseline.CpuMs), fastest.Stages);
        }
    }
}
