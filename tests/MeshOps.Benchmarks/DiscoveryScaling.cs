using System.Diagnostics;
using System.Globalization;
using System.Text;
using MeshOps.Discovery;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--discovery</c>: call discovery on one ConfigMap value of 25,000 to 200,000 endpoint lines, in each shape that
/// was quadratic (issue 10): key=URL lines, one MongoDB URL with many hosts, URLs in JSON, nginx proxy_pass locations.
/// Prints the growth ratio per doubling of the process CPU time (the process is pinned to one core, and CPU time is less
/// disturbed than wall-clock time on a shared machine); the target is at most 2.2 (linear, with room for GC and caches).
/// Not a test: nothing asserts on time; the exit code counts the missed targets.
/// </summary>
public static class DiscoveryScaling
{
    public static readonly int[] AllSizes = [25_000, 50_000, 100_000, 200_000];
    private const double TargetRatio = 2.2;
    private const int Runs = 3;

    private static readonly (string Name, Func<int, string> Generate, Func<string, DiscoveryResult> Scan)[] Shapes =
    [
        ("key=URL lines", KeyUrlLines, ConfigValueScanner.Scan),
        ("MongoDB URL hosts", MongoHosts, ConfigValueScanner.Scan),
        ("JSON URLs", JsonUrls, ConfigValueScanner.Scan),
        ("nginx proxy_pass", NginxLocations, NginxConfigScanner.Scan),
    ];

    public static int Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        log.WriteLine($"Call discovery on one value: median of {Runs} after a warm-up; target growth per doubling <= {TargetRatio:F1}.");
        var missed = 0;
        foreach (var (name, generate, scan) in Shapes)
        {
            // Warm-up on the smallest size, so tiered JIT and the regex code are settled before the first measurement.
            scan(generate(sizes[0]));
            scan(generate(sizes[0]));
            log.WriteLine($"  {name}");
            double? previous = null;
            var previousSize = 0;
            foreach (var size in sizes)
            {
                var text = generate(size);
                var endpoints = 0;
                var times = new double[Runs];
                var walls = new double[Runs];
                var gen2 = 0;
                for (var i = 0; i < Runs; i++)
                {
                    GC.Collect();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var gen2Before = GC.CollectionCount(2);
                    var watch = Stopwatch.StartNew();
                    endpoints = scan(text).Endpoints.Count;
                    walls[i] = watch.Elapsed.TotalMilliseconds;
                    times[i] = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    gen2 = GC.CollectionCount(2) - gen2Before;
                }

                Array.Sort(times);
                Array.Sort(walls);
                var median = times[Runs / 2];
                var ratio = previous is { } p && size == previousSize * 2 ? median / p : (double?)null;
                var verdict = ratio is null ? string.Empty : ratio <= TargetRatio ? "  ok" : "  MISSED";
                missed += verdict == "  MISSED" ? 1 : 0;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {size,7:N0} lines {text.Length / 1e6,6:F1} MB {endpoints,7:N0} endpoints CPU {median,8:F0} ms (wall {walls[Runs / 2],8:F0} ms, gen2 GCs {gen2,2})  ratio {(ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "-"),5}{verdict}"));
                previous = median;
                previousSize = size;
            }
        }

        return missed;
    }

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
