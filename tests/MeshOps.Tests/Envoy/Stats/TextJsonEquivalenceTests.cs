using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class TextJsonEquivalenceTests
{
    private const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";
    private static readonly EnvoySource Source = EnvoySource.ForPod("default", "web-7d9", 19000);

    private static (IReadOnlyList<EnvoyStatistic> Text, IReadOnlyList<EnvoyStatistic> Json) Both(IReadOnlyList<RenderedStat> stats) =>
        (EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(EnvoyStatsRendering.Text(stats))),
         EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(EnvoyStatsRendering.Json(stats))));

    [Fact]
    public void Text_and_json_of_the_same_stats_are_equal_objects()
    {
        RenderedStat[] stats =
        [
            new($"cluster.api.default.dc1.internal.{TrustDomain}.upstream_cx_connect_fail", 35),
            new("cluster.local_app.upstream_cx_total", 18446744073709551615),
            new("cluster_manager.cds.version_text", Text: "2eee24224b508d5e"),
            new("cluster_manager.lds.version_text", Text: ""),
            new("listener.10.50.132.6_20000.downstream_cx_total", 0),
            new("cluster.local_app.upstream_cx_connect_ms", Histogram: true, Quantiles: [.. EnvoyStatsRendering.SupportedQuantiles.Select(q => (double.NaN, q * 1.03))]),
            new("http.public_listener.downstream_rq_time", Histogram: true),
        ];

        var (text, json) = Both(stats);

        Assert.Equal(stats.Length, text.Count);
        Assert.Equal(text, json);
    }

    [Fact]
    public void A_difference_in_one_value_makes_them_unequal()
    {
        var (text, _) = Both([new RenderedStat("a.b", 1)]);
        var (_, json) = Both([new RenderedStat("a.b", 2)]);

        Assert.NotEqual(text, json);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_dumps_read_the_same_from_text_and_json(int seed)
    {
        var random = new Random(seed);
        string[] clusters = ["local_app", "original-destination", $"api.default.dc1.internal.{TrustDomain}", $"v2.db.ns.ap.dc2.internal-v1.{TrustDomain}", "x_y"];
        string[] suffixes = ["upstream_cx_total", "circuit_breakers.default.cx_open", "ssl.fail_verify_san", "upstream_rq_503"];
        var stats = new List<RenderedStat>();
        foreach (var cluster in clusters)
        {
            foreach (var suffix in suffixes)
                stats.Add(new RenderedStat($"cluster.{cluster}.{suffix}", (ulong)random.NextInt64(0, long.MaxValue)));
        }

        stats.Add(new RenderedStat("server.version_text", Text: "é: \\ \"x\""));
        stats.Add(new RenderedStat("cluster.local_app.upstream_rq_time", Histogram: true,
            Quantiles: [.. EnvoyStatsRendering.SupportedQuantiles.Select(_ => (random.Next(2) == 0 ? double.NaN : random.NextDouble() * 1000, random.NextDouble() * 1e6))]));

        var (text, json) = Both(stats);

        Assert.Equal(stats.Count, text.Count);
        Assert.Equal(text, json);
    }
}
