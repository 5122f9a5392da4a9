using System.Globalization;
using System.Text.Json;
using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--discovery-stages</c>: each stage of call discovery timed alone over the values of <see cref="DiscoveryScaling"/>,
/// so the stage whose cost grows faster than its input shows itself. A stage is given what the stages before it produce,
/// prepared outside the timing; the whole scan is timed beside them. Times are CPU ms of the scanning thread, the
/// fastest of <see cref="Rounds"/> interleaved runs, as in <c>--discovery</c>; ratios are per doubling.
/// </summary>
public static class DiscoveryStages
{
    private const int Rounds = 5;
    private const int WarmUpLines = 2_000;

    // Prepare runs the earlier stages untimed and returns the stage itself, which answers a count to keep its work alive.
    private sealed record Stage(string Name, Func<string, Func<int>> Prepare);

    private static readonly Stage[] ValueStages =
    [
        new("read values", text => () => Values(text).Count),
        new("connection strings", text => Each(Values(text), v => ConnectionStrings.Parse(v.Value).Hosts.Count)),
        new("URL scan (NextUrl)", text => Each(Values(text), v => Urls(v.Value).Count)),
        new("redaction", text => Each(AllUrls(text), u => SecretRedactor.Redact(u.Value).Length)),
        new("request path", text => Each(AllUrls(text), u => EndpointSyntax.HttpPath(u.Scheme, u.Rest)?.Length ?? 0)),
        new("de-duplication", text => AddAll(Endpoints(text))),
        new("whole scan", text => () => ConfigValueScanner.Scan(text).Endpoints.Count),
    ];

    private static readonly Stage[] NginxStages =
    [
        new("strip comments", text => () => NginxConfigScanner.StripComments(text).Length),
        new("locations", text => Stripped(text, s => NginxLocations.Of(s).PrefixAt(s.Length) is null ? 0 : 1)),
        new("pass regex", text => Stripped(text, s => NginxConfigScanner.PassDirective().Count(s))),
        new("location lookup", text => Stripped(text, s =>
        {
            var locations = NginxLocations.Of(s);
            var passes = PassIndexes(s);
            return () => passes.Count(index => locations.PrefixAt(index) is not null);
        })),
        new("whole scan", text => () => NginxConfigScanner.Scan(text).Endpoints.Count),
    ];

    private static readonly (string Name, Func<int, string> Generate, Stage[] Stages)[] Shapes =
    [
        ("key=URL lines", DiscoveryScaling.KeyUrlLines, ValueStages),
        ("MongoDB URL hosts", DiscoveryScaling.MongoHosts, ValueStages),
        ("JSON URLs", DiscoveryScaling.JsonUrls, ValueStages),
        ("nginx proxy_pass", DiscoveryScaling.NginxLocations, NginxStages),
    ];

    public static int Run(IReadOnlyList<int> sizes, TextWriter log)
    {
        log.WriteLine($"Call discovery stage by stage: CPU ms of the scanning thread, fastest of {Rounds} interleaved runs, {FreshHeap.Description}; ratio per doubling. {Affinity.LoadAverage()}.");
        foreach (var (name, generate, stages) in Shapes)
        {
            log.WriteLine($"  {name}");
            var texts = sizes.Select(generate).ToArray();
            foreach (var stage in stages)
            {
                var warmUp = stage.Prepare(generate(WarmUpLines));
                TieredJit.Settle(40, () => warmUp());
                var runs = texts.Select(stage.Prepare).ToArray();
                var best = Enumerable.Repeat(double.MaxValue, sizes.Count).ToArray();
                for (var round = 0; round < Rounds; round++)
                {
                    for (var k = 0; k < sizes.Count; k++)
                    {
                        var i = (round + k) % sizes.Count;
                        best[i] = Math.Min(best[i], Time(runs[i]));
                    }
                }

                log.WriteLine(Row(stage.Name, sizes, best));
            }
        }

        return 0;
    }

    private static string Row(string name, IReadOnlyList<int> sizes, double[] best)
    {
        var row = string.Create(CultureInfo.InvariantCulture, $"    {name,-20}");
        for (var i = 0; i < best.Length; i++)
        {
            var ratio = i > 0 && sizes[i] == sizes[i - 1] * 2 ? (best[i] / best[i - 1]).ToString("F2", CultureInfo.InvariantCulture) : "-";
            row += string.Create(CultureInfo.InvariantCulture, $" {sizes[i] / 1000,4}k {best[i],7:F1} ms (x{ratio,4})");
        }

        return row;
    }

    private static double Time(Func<int> run)
    {
        FreshHeap.Prepare();
        var cpu = ThreadCpuTime.Milliseconds();
        GC.KeepAlive(run());
        return ThreadCpuTime.Milliseconds() - cpu;
    }

    private static Func<int> Each<T>(IReadOnlyList<T> items, Func<T, int> work) => () =>
    {
        var sum = 0;
        foreach (var item in items)
        {
            sum += work(item);
        }

        return sum;
    };

    private static Func<int> Stripped(string text, Func<string, int> work)
    {
        var stripped = NginxConfigScanner.StripComments(text);
        return () => work(stripped);
    }

    private static Func<int> Stripped(string text, Func<string, Func<int>> prepare) => prepare(NginxConfigScanner.StripComments(text));

    private static List<int> PassIndexes(string text)
    {
        var indexes = new List<int>();
        foreach (var pass in NginxConfigScanner.PassDirective().EnumerateMatches(text))
        {
            indexes.Add(pass.Index);
        }

        return indexes;
    }

    private static Func<int> AddAll(List<DiscoveredEndpoint> endpoints) => () =>
    {
        var collector = new DiscoveryCollector();
        foreach (var endpoint in endpoints)
        {
            collector.AddEndpoint(endpoint);
        }

        return collector.ToResult().Endpoints.Count;
    };

    // The (key, value) pairs ConfigValueScanner hands its collector: JSON string values, else key/value lines.
    private static List<(string? Key, string Value)> Values(string text)
    {
        var values = new List<(string? Key, string Value)>();
        if (text.TrimStart().StartsWith('{'))
        {
            using var document = JsonDocument.Parse(text);
            Walk(document.RootElement, null, values);
            return values;
        }

        for (var start = 0; start <= text.Length;)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var line = text.AsSpan(start, end - start).Trim();
            start = end + 1;
            if (!line.IsEmpty && KeyValueLine.TryParse(line, out var key, out var value))
            {
                values.Add((line[key].ToString(), line[value].ToString()));
            }
        }

        return values;
    }

    private static void Walk(JsonElement element, string? key, List<(string? Key, string Value)> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, key, values);
                }

                break;
            case JsonValueKind.String:
                values.Add((key, element.GetString()!));
                break;
        }
    }

    private static List<UrlMatch> Urls(string value)
    {
        var urls = new List<UrlMatch>();
        for (var at = 0; EndpointSyntax.NextUrl(value, ref at, out var url);)
        {
            urls.Add(url);
        }

        return urls;
    }

    private static List<UrlMatch> AllUrls(string text) => Values(text).SelectMany(v => Urls(v.Value)).ToList();

    private static List<DiscoveredEndpoint> Endpoints(string text) =>
        AllUrls(text).SelectMany(url =>
        {
            var excerpt = SecretRedactor.Redact(url.Value);
            var path = EndpointSyntax.HttpPath(url.Scheme, url.Rest);
            return url.Hosts.Select(host => new DiscoveredEndpoint(host.Host, host.Port, url.Scheme, EndpointOrigin.ConfigUrl, excerpt) { Path = path });
        }).ToList();
}
