using System.Diagnostics;

namespace MeshOps.Benchmarks;

/// <summary>
/// A fast sanity run without BenchmarkDotNet: per size, one warm-up of each operation, then five interleaved
/// Parse / Analyze runs, and the median of each. Rougher than BenchmarkDotNet (no pilot, no outlier removal).
/// </summary>
public static class QuickRunner
{
    public const int Runs = 5;

    public static IReadOnlyList<SizeResult> Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        var results = new List<SizeResult>();
        foreach (var size in sizes)
        {
            var mesh = SyntheticMesh.Generate(size);
            var resources = Pipeline.Parse(mesh).Resources.Count;
            Pipeline.Analyze(mesh);
            var parse = new double[Runs];
            var analyze = new double[Runs];
            for (var i = 0; i < Runs; i++)
            {
                parse[i] = Time(() => Pipeline.Parse(mesh));
                analyze[i] = Time(() => Pipeline.Analyze(mesh));
            }

            var result = new SizeResult(size, resources, Median(parse), Median(analyze));
            log.WriteLine($"  {size,5} services: parse {string.Join(" ", parse.Select(Ms))} | analyze {string.Join(" ", analyze.Select(Ms))} ms");
            results.Add(result);
        }

        return results;
    }

    public static double Time(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    public static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Ms(double value) => value.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
}
