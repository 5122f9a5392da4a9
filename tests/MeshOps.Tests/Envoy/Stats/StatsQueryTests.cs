using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class StatsQueryTests
{
    [Fact]
    public void A_live_text_read_asks_envoy_once_per_type_with_the_filter_escaped()
    {
        var requests = EnvoyStatsQuery.Requests(EnvoyStatsFormat.Text, @"^cluster\.a b", usedOnly: true);

        Assert.Equal(
            [
                @"/stats?type=Counters&usedonly&filter=%5Ecluster%5C.a%20b",
                @"/stats?type=Gauges&usedonly&filter=%5Ecluster%5C.a%20b",
                @"/stats?type=TextReadouts&usedonly&filter=%5Ecluster%5C.a%20b",
                @"/stats?type=Histograms&usedonly&filter=%5Ecluster%5C.a%20b",
            ],
            requests.Select(r => r.PathAndQuery));
        Assert.Equal([EnvoyStatisticType.Counter, EnvoyStatisticType.Gauge, EnvoyStatisticType.TextReadout, EnvoyStatisticType.Histogram], requests.Select(r => r.NumberType));
    }

    [Fact]
    public void Json_and_prometheus_requests()
    {
        Assert.All(EnvoyStatsQuery.Requests(EnvoyStatsFormat.Json, null, false), r => Assert.StartsWith("/stats?format=json&type=", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Equal("/stats/prometheus", Assert.Single(EnvoyStatsQuery.Requests(EnvoyStatsFormat.Prometheus, null, false)).PathAndQuery);
        Assert.Equal("/stats/prometheus?usedonly", Assert.Single(EnvoyStatsQuery.Requests(EnvoyStatsFormat.Prometheus, null, true)).PathAndQuery);
    }

    [Fact]
    public void Typed_answers_come_back_typed_in_name_order_with_histograms_last()
    {
        var source = EnvoySource.ForFile("x");
        var requests = EnvoyStatsQuery.Requests(EnvoyStatsFormat.Text, null, false);
        string[] bodies = ["b.count: 1\n", "a.gauge: 2\n", "c.text: \"t\"\n", "a.hist: No recorded values\n"];

        var stats = EnvoyStatsQuery.Read(source, [.. requests.Zip(bodies, (r, b) => (r, (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(b)))]);

        Assert.Equal(["a.gauge", "b.count", "c.text", "a.hist"], stats.Select(s => s.Name));
        Assert.Equal([EnvoyStatisticType.Gauge, EnvoyStatisticType.Counter, EnvoyStatisticType.TextReadout, EnvoyStatisticType.Histogram], stats.Select(s => s.Type));
    }

    [Theory]
    [InlineData("{\"stats\":[]}", EnvoyStatsFormat.Json)]
    [InlineData("\uFEFF  {\"stats\":[]}", EnvoyStatsFormat.Json)]
    [InlineData("# HELP x\n", EnvoyStatsFormat.Prometheus)]
    [InlineData("envoy_cluster_x{a=\"b: c\"} 1\n", EnvoyStatsFormat.Prometheus)]
    [InlineData("envoy_server_live 1\n", EnvoyStatsFormat.Prometheus)]
    [InlineData("server.live: 1\n", EnvoyStatsFormat.Text)]
    [InlineData("", EnvoyStatsFormat.Text)]
    public void The_format_of_a_saved_file_is_told_by_its_content(string content, EnvoyStatsFormat format)
    {
        Assert.Equal(format, EnvoyStatsParser.Detect(Encoding.UTF8.GetBytes(content)));
    }
}
