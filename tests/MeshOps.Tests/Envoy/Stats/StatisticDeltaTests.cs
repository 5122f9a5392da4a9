using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class StatisticDeltaTests
{
    private static readonly EnvoySource Source = EnvoySource.ForPod("default", "web-1", 19000);

    private static IReadOnlyList<EnvoyStatistic> Counters(string text) =>
        EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(text), EnvoyStatsFormat.Text, EnvoyStatisticType.Counter);

    [Fact]
    public void A_counter_rising_now_has_a_rate_and_an_old_count_has_none()
    {
        var before = Counters("cluster.local_app.upstream_cx_connect_fail: 4920\ncluster.x.upstream_cx_connect_fail: 35\n");
        var after = Counters("cluster.local_app.upstream_cx_connect_fail: 4920\ncluster.x.upstream_cx_connect_fail: 45\n");

        var deltas = EnvoyStatisticDeltas.Compute(before, after, TimeSpan.FromSeconds(5));

        Assert.Equal((0d, 0d), (deltas[0].Delta, deltas[0].RatePerSecond));
        Assert.Equal((35d, 45d, 10d, 2d), (deltas[1].Previous!.Value, deltas[1].Current, deltas[1].Delta, deltas[1].RatePerSecond));
        Assert.Equal("x", deltas[1].Cluster!.Name);
        Assert.Equal("web-1", deltas[1].Pod);
    }

    [Fact]
    public void A_counter_that_fell_was_reset_and_counts_from_zero()
    {
        var deltas = EnvoyStatisticDeltas.Compute(Counters("a.b: 100\n"), Counters("a.b: 7\n"), TimeSpan.FromSeconds(1));

        Assert.True(deltas[0].CounterReset);
        Assert.Equal(7d, deltas[0].Delta);
    }

    [Fact]
    public void A_gauge_may_fall_and_a_new_stat_counts_from_zero()
    {
        var before = EnvoyStatsParser.Parse(Source, "g.x: 10\n"u8, EnvoyStatsFormat.Text, EnvoyStatisticType.Gauge);
        var after = EnvoyStatsParser.Parse(Source, "g.x: 4\ng.new: 3\nt.x: \"text\"\n"u8, EnvoyStatsFormat.Text, EnvoyStatisticType.Gauge);

        var deltas = EnvoyStatisticDeltas.Compute(before, after, TimeSpan.FromSeconds(2));

        Assert.Equal(2, deltas.Count);
        Assert.Equal((-6d, false), (deltas[0].Delta, deltas[0].CounterReset));
        Assert.Null(deltas[1].Previous);
        Assert.Equal(1.5, deltas[1].RatePerSecond);
    }

    [Fact]
    public void Prometheus_samples_are_matched_by_name_and_labels()
    {
        var before = EnvoyStatsParser.Parse(Source, "# TYPE c counter\nc{n=\"a\"} 1\nc{n=\"b\"} 5\n"u8);
        var after = EnvoyStatsParser.Parse(Source, "# TYPE c counter\nc{n=\"a\"} 3\nc{n=\"b\"} 5\n"u8);

        var deltas = EnvoyStatisticDeltas.Compute(before, after, TimeSpan.FromSeconds(1));

        Assert.Equal([2d, 0d], deltas.Select(d => d.Delta));
    }
}
