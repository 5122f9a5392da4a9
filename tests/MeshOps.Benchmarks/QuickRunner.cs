using System.Diagnostics;
using System.Globalization;

namespace MeshOps.Benchmarks;

/// <summary>
/// A fast sanity run without BenchmarkDotNet: per size, two warm-ups of each operation, then five interleaved
/// Parse / Analyze runs, and the median of each. Rougher than BenchmarkDotNet (no pilot, no outlier removal).
/// Besides wall-clock time it records the process CPU time of each run, which a shared, busy machine disturbs
/// less (the process is pinned to one core, so CPU time is time on that core, GC and JIT included).
/// </summary>
public static class QuickRunner
{
    public const int WarmUps = 2;
    public const int Runs = 5;

    public static (IReadOnlyList<SizeResult> Wall, IReadOnlyList<SizeResult> Cpu) Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        var wall = new List<SizeResult>();
        var cpu = new List<SizeResult>();
        JitWarmup.Ensure();
        foreach (var size in sizes)
        {
            var mesh = SyntheticMesh.Generate(size);
            var resources = Pipeline.Load(mesh).Resources.Count;
            for (var i = 0; i < WarmUps; i++)
            {
                Pipeline.Parse(mesh);
                Pipeline.Analyze(mesh);
            }

            var parse = new Sample[Runs];
            var analyze = new Sample[Runs];
            for (var i = 0; i < Runs; i++)
            {
                parse[i] = Time(() => Pipeline.Parse(mesh));
                analyze[i] = Time(() => Pipeline.Analyze(mesh));
            }

            wall.Add(new SizeResult(size, resources, Median(parse.Select(s => s.WallMs)), Median(analyze.Select(s => s.WallMs))));
            cpu.Add(new SizeResult(size, resources, Median(parse.Select(s => s.CpuMs)), Median(analyze.Select(s => s.CpuMs))));
            log.WriteLine($"  {size,5} services, wall ms: parse {Join(parse.Select(s => s.WallMs))} | analyze {Join(analyze.Select(s => s.WallMs))}");
            log.WriteLine($"  {"",5}           CPU ms:  parse {Join(parse.Select(s => s.CpuMs))} | analyze {Join(analyze.Select(s => s.CpuMs))}");
            log.WriteLine($"  {"",5}           per op:  parse {parse[0].AllocatedMb:F0} MB allocated, GCs gen0/1/2 {parse[0].Gcs}, GC pause {Median(parse.Select(s => s.GcPauseMs)):F0} ms"
                + $" | analyze {analyze[0].AllocatedMb:F0} MB, {analyze[0].Gcs}, GC pause {Median(analyze.Select(s => s.GcPauseMs)):F0} ms");
        }

        return (wall, cpu);
    }

    public readonly record struct Sample(double WallMs, double CpuMs, double AllocatedMb, string Gcs, double GcPauseMs);

    public static Sample Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1024.0 / 1024.0;
        var gcs = $"{GC.CollectionCount(0) - gcBefore[0]}/{GC.CollectionCount(1) - gcBefore[1]}/{GC.CollectionCount(2) - gcBefore[2]}";
        return new Sample(wall, cpu, allocated, gcs, (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Join(IEnumerable<double> values) =>
        string.Join(" ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture).PadLeft(5)));
}
