using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class PrometheusParserTests
{
    private static readonly EnvoySource Source = EnvoySource.ForFile("metrics.txt");

    private static IReadOnlyList<EnvoyStatistic> Sample(string file)
    {
        var bytes = File.ReadAllBytes(ReferenceData.Path("envoy-samples", "netdata-go.d.plugin", file));
        Assert.Equal(EnvoyStatsFormat.Prometheus, EnvoyStatsParser.Detect(bytes));
        return EnvoyStatsParser.Parse(Source, bytes);
    }

    /// <summary>What an independent, slow reading of the page expects: one statistic per sample line, but one per histogram or summary label set.</summary>
    private static int ExpectedCount(string file)
    {
        var text = File.ReadAllText(ReferenceData.Path("envoy-samples", "netdata-go.d.plugin", file));
        var grouped = Regex.Matches(text, @"^# TYPE (\S+) (histogram|summary)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var count = 0;
        var groups = new HashSet<string>();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && l[0] != '#'))
        {
            var name = Regex.Match(line, @"^[^{ ]+").Value;
            var family = grouped.FirstOrDefault(f => name == f || name == f + "_bucket" || name == f + "_sum" || name == f + "_count");
            if (family is null)
            {
                count++;
                continue;
            }

            var labels = Regex.Replace(Regex.Match(line, @"\{(.*)\}").Groups[1].Value, @",?(le|quantile)=""[^""]*""", string.Empty).TrimStart(',');
            groups.Add(family + "{" + labels + "}");
        }

        return count + groups.Count;
    }

    [Theory]
    [InlineData("consul-dataplane.prometheus.txt")]
    [InlineData("envoy.prometheus.txt")]
    public void The_real_samples_parse_completely(string file)
    {
        var stats = Sample(file);

        Assert.Equal(ExpectedCount(file), stats.Count);
        Assert.DoesNotContain(stats, s => s is null);
    }

    [Fact]
    public void The_consul_dataplane_page_gives_typed_envoy_stats_with_consul_clusters_and_tags()
    {
        var stats = Sample("consul-dataplane.prometheus.txt");

        var fail = stats.Single(s => s.Name == "envoy_cluster_upstream_cx_connect_fail" && s.Cluster?.Name == "local_app");
        Assert.Equal(EnvoyStatisticType.Counter, fail.Type);
        Assert.Equal(EnvoyClusterRole.LocalApp, fail.Cluster!.Role);
        Assert.Equal("local_app", fail.Labels!["envoy_cluster_name"]);
        Assert.Contains(fail.Labels!.Keys, k => k.StartsWith("consul_source_", StringComparison.Ordinal));
        var version = stats.Single(s => s.Name == "envoy_server_version");
        Assert.Equal((EnvoyStatisticType.Gauge, 1424117d), (version.Type, version.Value!.Value));
        Assert.Contains(stats, s => s.Name.StartsWith("envoy_connect_authzrbac_", StringComparison.Ordinal));
    }

    [Fact]
    public void A_histogram_family_is_one_statistic_per_label_set_with_its_buckets_sum_and_count()
    {
        var stats = Sample("consul-dataplane.prometheus.txt");

        var connect = stats.Where(s => s.Name == "envoy_cluster_upstream_cx_connect_ms").ToList();
        Assert.Equal(4, connect.Count);
        var localApp = connect.Single(s => s.Cluster!.Name == "local_app");
        Assert.Equal(EnvoyStatisticType.Histogram, localApp.Type);
        Assert.Equal(double.PositiveInfinity, localApp.Buckets![^1].UpperBound);
        Assert.Equal(localApp.SampleCount, localApp.Buckets[^1].Cumulative);
        Assert.NotNull(localApp.Sum);
        Assert.DoesNotContain("le", localApp.Labels!.Keys);
        Assert.True(localApp.Buckets.Zip(localApp.Buckets.Skip(1)).All(p => p.First.UpperBound < p.Second.UpperBound));
    }

    [Fact]
    public void A_go_summary_with_nan_quantiles_and_float_values_is_read()
    {
        var stats = Sample("consul-dataplane.prometheus.txt");

        var connect = stats.Single(s => s.Name == "consul_dataplane_connect_duration");
        Assert.Equal(EnvoyStatisticType.Summary, connect.Type);
        Assert.Equal([50d, 90d, 99d], connect.Quantiles!.Select(q => q.Percentile));
        Assert.All(connect.Quantiles!, q => Assert.Null(q.Cumulative));
        Assert.Equal((321.85443115234375, 1d), (connect.Sum!.Value, connect.SampleCount!.Value));
        Assert.Equal(2.543784e+06, stats.Single(s => s.Name == "consul_dataplane_go_memstats_alloc_bytes").Value);
    }

    [Fact]
    public void Samples_of_one_cluster_share_one_label_set()
    {
        var stats = Sample("envoy.prometheus.txt").Where(s => s.Cluster?.Name == "service_envoyproxy_io" && s.Type == EnvoyStatisticType.Counter).ToList();

        Assert.True(stats.Count > 10);
        Assert.True(stats.Select(s => s.Labels).Distinct(ReferenceEqualityComparer.Instance).Count() < stats.Count / 2);
    }

    [Fact]
    public void Escaped_label_values_timestamps_and_untyped_samples_are_read()
    {
        var text = "# TYPE a counter\na{x=\"q\\\"uote\",y=\"back\\\\slash\",} 3 1700000000000\nb 2.5\nc{} +Inf\n";

        var stats = EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(text), EnvoyStatsFormat.Prometheus);

        Assert.Equal(("q\"uote", "back\\slash"), (stats[0].Labels!["x"], stats[0].Labels!["y"]));
        Assert.Equal((EnvoyStatisticType.Counter, 3d), (stats[0].Type, stats[0].Value!.Value));
        Assert.Equal((EnvoyStatisticType.Unknown, 2.5), (stats[1].Type, stats[1].Value!.Value));
        Assert.Equal(double.PositiveInfinity, stats[2].Value);
    }

    [Theory]
    [InlineData("a{x=\"1\" 3\n", 1, "label")]
    [InlineData("# TYPE a counter\na 3\na{x=1} 3\n", 3, "label")]
    [InlineData("a 3\nb three\n", 2, "not a number")]
    [InlineData("# TYPE h histogram\nh_bucket{x=\"1\"} 3\n", 2, "without its le")]
    public void A_broken_line_fails_the_read_naming_it(string text, int line, string problem)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(text), EnvoyStatsFormat.Prometheus));

        Assert.Equal((line, "/stats/prometheus"), (error.Line, error.Output));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }
}
