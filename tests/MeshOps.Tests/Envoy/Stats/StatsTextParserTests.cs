using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class StatsTextParserTests
{
    private const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";
    private static readonly EnvoySource Source = EnvoySource.ForFile("stats.txt");

    private static IReadOnlyList<EnvoyStatistic> Parse(string text) =>
        EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(text), EnvoyStatsFormat.Text);

    [Fact]
    public void A_number_from_a_saved_dump_is_of_unknown_type_never_a_guessed_counter()
    {
        var stat = Assert.Single(Parse("cluster.local_app.upstream_cx_connect_fail: 12\n"));

        Assert.Equal(EnvoyStatisticType.Unknown, stat.Type);
        Assert.Equal(12d, stat.Value);
        Assert.Equal("cluster.local_app.upstream_cx_connect_fail", stat.Name);
        Assert.Equal(EnvoyClusterRole.LocalApp, stat.Cluster!.Role);
        Assert.Same(Source, stat.Source);
    }

    [Fact]
    public void A_consul_upstream_cluster_name_with_dots_is_the_whole_sni_name()
    {
        var stats = Parse($"cluster.v1.api.default.dc1.internal.{TrustDomain}.circuit_breakers.default.cx_open: 1\n"
            + $"cluster.api.default.dc1.internal.{TrustDomain}.upstream_cx_total: 3\n");

        Assert.Equal($"v1.api.default.dc1.internal.{TrustDomain}", stats[0].Cluster!.Name);
        Assert.Equal(("v1", "api"), (stats[0].Cluster!.Subset, stats[0].Cluster!.Service));
        Assert.Equal($"cluster.v1.api.default.dc1.internal.{TrustDomain}.circuit_breakers.default.cx_open", stats[0].Name);
        Assert.Equal("api", stats[1].Cluster!.Service);
    }

    [Fact]
    public void A_cluster_name_that_is_no_consul_name_ends_at_the_first_dot_as_envoys_tag_extraction_reads_it()
    {
        var stat = Assert.Single(Parse("cluster.service_envoyproxy_io.upstream_rq_time.consul.x: 0\n"));

        Assert.Equal("service_envoyproxy_io", stat.Cluster!.Name);
        Assert.Equal(EnvoyClusterRole.Other, stat.Cluster.Role);
    }

    [Fact]
    public void Stats_of_one_cluster_share_the_cluster_part_of_their_name()
    {
        var stats = Parse("cluster.local_app.a: 1\ncluster.local_app.b: 2\ncluster.x.a: 3\n");

        Assert.Same(stats[0].Cluster, stats[1].Cluster);
        Assert.Same(stats[0].NameParts.Head, stats[1].NameParts.Head);
        Assert.Same(stats[0].NameParts.Tail, stats[2].NameParts.Tail);
    }

    [Fact]
    public void A_quoted_value_is_a_text_readout_kept_verbatim_even_with_colons_and_quotes()
    {
        var stats = Parse("cluster_manager.cds.version_text: \"\"\nserver.note: \"a: \"b\" c\"\n");

        Assert.Equal((EnvoyStatisticType.TextReadout, ""), (stats[0].Type, stats[0].Text));
        Assert.Null(stats[0].Value);
        Assert.Equal("a: \"b\" c", stats[1].Text);
    }

    [Fact]
    public void A_histogram_line_gives_quantiles_with_null_for_nan_intervals()
    {
        var stat = Assert.Single(Parse(
            "cluster.local_app.upstream_cx_connect_ms: P0(nan,0) P25(nan,1.03) P50(2,1.5) P75(nan,2.05) P90(nan,3.07) P95(nan,3.1) P99(nan,3.1) P99.5(nan,3.1) P99.9(nan,3.1) P100(nan,3100)\n"));

        Assert.Equal(EnvoyStatisticType.Histogram, stat.Type);
        Assert.Equal(10, stat.Quantiles!.Count);
        Assert.Equal(new EnvoyQuantile(25, null, 1.03), stat.Quantiles[1]);
        Assert.Equal(new EnvoyQuantile(50, 2, 1.5), stat.Quantiles[2]);
        Assert.Equal(new EnvoyQuantile(99.5, null, 3.1), stat.Quantiles[7]);
        Assert.Equal(3100d, stat.Quantiles[9].Cumulative);
        Assert.Null(stat.Value);
    }

    [Fact]
    public void An_unused_histogram_has_no_quantiles()
    {
        var stat = Assert.Single(Parse("http.public_listener.downstream_rq_time: No recorded values\n"));

        Assert.Equal(EnvoyStatisticType.Histogram, stat.Type);
        Assert.Empty(stat.Quantiles!);
    }

    [Fact]
    public void Cumulative_bucket_output_gives_buckets()
    {
        var stat = Assert.Single(Parse("cluster.local_app.upstream_cx_length_ms: B0.5(0,1) B1(0,2) B5(1,4)\n"));

        Assert.Equal([new EnvoyHistogramBucket(0.5, 0, 1), new EnvoyHistogramBucket(1, 0, 2), new EnvoyHistogramBucket(5, 1, 4)], stat.Buckets!);
        Assert.Null(stat.Quantiles);
    }

    [Fact]
    public void Crlf_and_blank_lines_and_a_missing_final_newline_are_read()
    {
        var stats = Parse("a.b: 1\r\n\r\nc.d: 2");

        Assert.Equal(["a.b", "c.d"], stats.Select(s => s.Name));
        Assert.Equal([1d, 2d], stats.Select(s => s.Value!.Value));
    }

    [Fact]
    public void A_listener_address_stat_keeps_its_name()
    {
        var stat = Assert.Single(Parse("listener.10.50.132.6_20000.downstream_cx_total: 7\n"));

        Assert.Equal("listener.10.50.132.6_20000.downstream_cx_total", stat.Name);
        Assert.Null(stat.Cluster);
    }

    [Theory]
    [InlineData("a.b: 1\nnot a stat line\n", 2, "no 'name: value'")]
    [InlineData("a.b: 1\nc.d: 12x\n", 2, "no number, quoted text or histogram")]
    [InlineData("a.b: P0(nan,0) P25(oops,1)\n", 1, "no number")]
    [InlineData("a.b: 1\nh:\n  totals=1,1:1\n", 2, "detailed")]
    [InlineData("a.b: -3\n", 1, "no number")]
    public void A_line_that_is_no_stat_fails_the_whole_read_naming_the_line(string text, int line, string problem)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => Parse(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Contains("stats.txt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_elastic_beats_server_dump_is_read_line_for_line()
    {
        var bytes = File.ReadAllBytes(ReferenceData.Path("envoy-samples", "elastic-beats", "serverstats.txt"));
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var stats = EnvoyStatsParser.Parse(Source, bytes);

        Assert.Equal(lines.Length, stats.Count);
        Assert.Equal(lines.Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]), stats.Select(s => s.Name));
        Assert.All(stats, s => Assert.Equal(EnvoyStatisticType.Unknown, s.Type));
        Assert.Equal(1d, stats.Single(s => s.Name == "cluster_manager.active_clusters").Value);
    }

    [Fact]
    public void The_real_app_mesh_filtered_dump_names_its_clusters()
    {
        var bytes = File.ReadAllBytes(ReferenceData.Path("envoy-samples", "aws-app-mesh-examples", "stats-filtered-connection-pools.txt"));

        var stats = EnvoyStatsParser.Parse(Source, bytes);

        var open = stats.Single(s => s.Name.EndsWith("self_redirect_http_15001.circuit_breakers.default.cx_open", StringComparison.Ordinal));
        Assert.Equal("cds_ingress_howto-k8s-connection-pools_ingress-gw_howto-k8s-connection-pools_self_redirect_http_15001", open.Cluster!.Name);
        Assert.Equal(1d, open.Value);
        Assert.Contains(stats, s => s.Name == "http.ingress.downstream_cx_active" && s.Cluster is null);
    }
}
