using System.Diagnostics;
using System.Globalization;
using System.Text;
using MeshOps.Discovery;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--discovery</c>: call discovery on one ConfigMap value of 25,000 to 200,000 endpoint lines, in each shape that
/// was quadratic (issue 10): key=URL lines, one MongoDB URL with many hosts, URLs in JSON, nginx proxy_pass locations.
/// Prints the growth ratio per doubling of the median CPU time of the scanning thread; the target is at most 2.2
/// (linear, with room for GC and caches). Not a test: nothing asserts on time; the exit code counts the missed targets.
/// </summary>
/// <remarks>
/// Other engineers build on the same two cores, so wall-clock time is not the measure: the thread's own CPU time is
/// (with the non-concurrent GC the benchmark uses, its collections run on that thread and count). A full, compacting
/// GC before every run starts each one from the same heap, the median of <see cref="Runs"/> runs is reported with the
/// spread of the runs around it, and the GC pause is shown apart, with the ratio of the time outside GC, so a ratio
/// moved by one more or one fewer collection can be told from code that grows faster than the input.
/// </remarks>
public static class DiscoveryScaling
{
    public static readonly int[] AllSizes = [25_000, 50_000, 100_000, 200_000];
    private const double TargetRatio = 2.2;
    private const int Runs = 9;
    private const int WarmUpLines = 2_000;

    private static readonly (string Name, Func<int, string> Generate, Func<string, DiscoveryResult> Scan)[] Shapes =
    [
        ("key=URL lines", KeyUrlLines, ConfigValueScanner.Scan),
        ("MongoDB URL hosts", MongoHosts, ConfigValueScanner.Scan),
        ("JSON URLs", JsonUrls, ConfigValueScanner.Scan),
        ("nginx proxy_pass", NginxLocations, NginxConfigScanner.Scan),
    ];

    // A run is called noisy when its slowest and fastest runs are further apart than this share of the median.
    private const double NoisySpread = 0.5;

    private readonly record struct Sample(double Cpu, double Wall, double GcPause, double AllocatedMb, int Gen0, int Gen1, int Gen2);

    public static int Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        var inv = CultureInfo.InvariantCulture;
        log.WriteLine($"Call discovery on one value: median of {Runs} runs, each after a full compacting GC; target growth per doubling <= {TargetRatio:F1}.");
        log.WriteLine($"Time: {(ThreadCpuTime.IsPerThread ? "CPU time of the scanning thread" : "process CPU time (no per-thread clock here)")}; "
            + $"{Affinity.LoadAverage()}; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {System.Runtime.GCSettings.LatencyMode}.");
        log.WriteLine("spread = (slowest - fastest) / median of the runs; GC = collections gen0/1/2 and their wall-clock pause (median run); no GC = ratio of CPU minus GC pause;");
        log.WriteLine($"min = ratio of the fastest runs; control = ratio of a linear copy and split of the same text (what this machine does with 2x the memory); noisy = spread > {NoisySpread:P0}.");
        var missed = 0;
        foreach (var (name, generate, scan) in Shapes)
        {
            // Tier-1 code for every method on the path before the first measurement, not a mix of tiers.
            var warmUp = generate(WarmUpLines);
            TieredJit.Settle(40, () => scan(warmUp));
            log.WriteLine($"  {name}");
            Sample? previous = null;
            double previousFastest = 0, previousControl = 0, previousSpread = 0;
            var previousSize = 0;
            foreach (var size in sizes)
            {
                var text = generate(size);
                var endpoints = 0;
                var samples = new Sample[Runs];
                var controls = new double[Runs];
                for (var i = 0; i < Runs; i++)
                {
                    (samples[i], endpoints) = Measure(scan, text);
                    controls[i] = Control(text);
                }

                Array.Sort(controls);
                var control = controls[Runs / 2];
                var fastest = samples.Min(sample => sample.Cpu);
                var median = samples.OrderBy(sample => sample.Cpu).ElementAt(Runs / 2);
                var spread = (samples.Max(sample => sample.Cpu) - samples.Min(sample => sample.Cpu)) / median.Cpu;
                var doubled = previous is not null && size == previousSize * 2;
                var ratio = doubled ? median.Cpu / previous!.Value.Cpu : (double?)null;
                // The GC pause is wall-clock time: on a loaded machine it can exceed the thread's CPU time, and then
                // CPU minus pause means nothing, so no ratio is printed.
                var ratioOutsideGc = doubled && median.GcPause < median.Cpu && previous!.Value.GcPause < previous.Value.Cpu
                    ? (median.Cpu - median.GcPause) / (previous.Value.Cpu - previous.Value.GcPause)
                    : (double?)null;
                var ratioFastest = doubled ? fastest / previousFastest : (double?)null;
                var ratioControl = doubled ? control / previousControl : (double?)null;
                var verdict = ratio is null ? string.Empty : ratio <= TargetRatio ? "  ok" : "  MISSED";
                missed += verdict == "  MISSED" ? 1 : 0;
                verdict += ratio is not null && Math.Max(spread, previousSpread) > NoisySpread ? " (noisy)" : string.Empty;
                log.WriteLine(string.Create(inv,
                    $"    {size,7:N0} lines {text.Length / 1e6,5:F1} MB {endpoints,7:N0} endpoints CPU {median.Cpu,6:F0} ms spread {spread,4:P0} alloc {median.AllocatedMb,4:F0} MB GC {median.Gen0}/{median.Gen1}/{median.Gen2} {median.GcPause,5:F0} ms  ratio {Format(ratio),5} (no GC {Format(ratioOutsideGc),5}, min {Format(ratioFastest),5}, control {Format(ratioControl),5}){verdict}"));
                previous = median;
                previousFastest = fastest;
                previousControl = control;
                previousSpread = spread;
                previousSize = size;
            }
        }

        return missed;
    }

    private static (Sample Sample, int Endpoints) Measure(Func<string, DiscoveryResult> scan, string text)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var cpu = ThreadCpuTime.Milliseconds();
        var watch = Stopwatch.StartNew();
        var endpoints = scan(text).Endpoints.Count;
        var wall = watch.Elapsed.TotalMilliseconds;
        var sample = new Sample(
            ThreadCpuTime.Milliseconds() - cpu,
            wall,
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0,
            GC.CollectionCount(0) - gen0 - (GC.CollectionCount(1) - gen1),
            GC.CollectionCount(1) - gen1 - (GC.CollectionCount(2) - gen2),
            GC.CollectionCount(2) - gen2);
        return (sample, endpoints);
    }

    // Linear work on the same text that touches as much memory: how far from 2.0 the machine itself is at this size.
    private static double Control(string text)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var cpu = ThreadCpuTime.Milliseconds();
        GC.KeepAlive(string.Concat(text.Split(',', '\n')));
        return ThreadCpuTime.Milliseconds() - cpu;
    }

    private static string Format(double? ratio) => ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "-";

    private static string KeyUrlLines(int count) =>
        Build(count, (b, i) => b.Append("key").Append(i).Append("=http://host").Append(i).Append(":80/api\n"));

    private static string MongoHosts(int count)
    {
        var builder = new StringBuilder("MONGO_URL=mongodb://");
        for (var i = 0; i < count; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append("mongo").Append(i).Append(":27017");
        }

        return builder.Append("/db?replicaSet=rs0").ToString();
    }

    private static string JsonUrls(int count) =>
        "{\"urls\": [" + Build(count, (b, i) => b.Append(i == 0 ? "" : ",\n").Append("\"http://svc").Append(i).Append(":8080/v1\"")) + "]}";

    private static string NginxLocations(int count) =>
        "server {\n  listen 80;\n" + Build(count, (b, i) => b.Append("  location /p").Append(i).Append(" { proxy_pass http://svc").Append(i).Append(":8080; }\n")) + "}\n";

    private static string Build(int count, Action<StringBuilder, int> line)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            line(builder, i);
        }

        return builder.ToString();
    }
}
