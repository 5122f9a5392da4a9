using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class StatsJsonParserTests
{
    private static readonly EnvoySource Source = EnvoySource.ForFile("stats.json");

    private static IReadOnlyList<EnvoyStatistic> Parse(string json, EnvoyStatisticType numberType = EnvoyStatisticType.Unknown) =>
        EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(json), EnvoyStatsFormat.Json, numberType);

    [Fact]
    public void Numbers_strings_and_the_histograms_element_inside_the_stats_array_are_read()
    {
        var stats = Parse("""
            {"stats":[
              {"name":"cluster.local_app.upstream_cx_total","value":17},
              {"name":"cluster_manager.cds.version_text","value":"abc"},
              {"histograms":{"supported_quantiles":[0,50,100],
                "computed_quantiles":[{"name":"cluster.local_app.upstream_cx_connect_ms","values":[{"cumulative":1,"interval":null},{"interval":2,"cumulative":3.5},{"cumulative":9,"interval":null}]},
                                      {"name":"http.public_listener.downstream_rq_time","values":[{"cumulative":null,"interval":null},{"cumulative":null,"interval":null},{"cumulative":null,"interval":null}]}]}}
            ]}
            """);

        Assert.Equal((EnvoyStatisticType.Unknown, 17d), (stats[0].Type, stats[0].Value!.Value));
        Assert.Equal((EnvoyStatisticType.TextReadout, "abc"), (stats[1].Type, stats[1].Text));
        Assert.Equal([new EnvoyQuantile(0, null, 1), new EnvoyQuantile(50, 2, 3.5), new EnvoyQuantile(100, null, 9)], stats[2].Quantiles!);
        Assert.Equal("local_app", stats[2].Cluster!.Name);
        Assert.Empty(stats[3].Quantiles!);
    }

    [Fact]
    public void The_answer_to_a_typed_request_gives_its_numbers_that_type()
    {
        var stat = Assert.Single(Parse("""{"stats":[{"name":"server.live","value":1}]}""", EnvoyStatisticType.Gauge));

        Assert.Equal(EnvoyStatisticType.Gauge, stat.Type);
    }

    [Fact]
    public void Bucket_mode_histograms_are_an_array_of_buckets()
    {
        var stat = Assert.Single(Parse("""
            {"stats":[{"histograms":[{"name":"a.b","buckets":[{"upper_bound":0.5,"interval":0,"cumulative":1},{"upper_bound":1,"interval":1,"cumulative":2}]}]}]}
            """));

        Assert.Equal([new EnvoyHistogramBucket(0.5, 0, 1), new EnvoyHistogramBucket(1, 1, 2)], stat.Buckets!);
    }

    [Fact]
    public void Escaped_names_and_unknown_fields_are_read()
    {
        var stat = Assert.Single(Parse("""{"stats":[{"name":"a.\u0062","extra":{"x":[1]},"value":2}],"other":1}"""));

        Assert.Equal(("a.b", 2d), (stat.Name, stat.Value!.Value));
    }

    [Theory]
    [InlineData("""{"stats":[{"name":"a","value":1},""", "not valid JSON")]
    [InlineData("""{"nothing":[]}""", "no \"stats\" array")]
    [InlineData("""{"stats":[{"name":"a","value":true}]}""", "neither a number nor a string")]
    [InlineData("""{"stats":[{"value":3}]}""", "without a name")]
    [InlineData("""{"stats":[{"name":"a"}]}""", "has no value")]
    [InlineData("[1,2]", "expected")]
    public void Json_that_is_no_stats_answer_fails_the_whole_read(string json, string problem)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => Parse(json));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("/stats?format=json", error.Output);
    }

    [Fact]
    public void A_fault_names_the_line_it_is_on()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => Parse("{\"stats\":[\n{\"name\":\"a\",\"value\":1},\n{\"name\":\"b\",\"value\":[]}\n]}"));

        Assert.Equal(3, error.Line);
    }
}
