using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy.Stats;

public class StatisticFilterTests
{
    private const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";
    private static readonly EnvoySource Source = EnvoySource.ForFile("stats.txt");

    private static readonly IReadOnlyList<EnvoyStatistic> Stats = EnvoyStatsParser.Parse(Source, Encoding.UTF8.GetBytes(
        $"cluster.api.default.dc1.internal.{TrustDomain}.upstream_cx_connect_fail: 35\n"
        + $"cluster.v1.api.default.dc1.internal.{TrustDomain}.upstream_cx_connect_fail: 0\n"
        + $"cluster.failover-target~api.default.dc2.internal.{TrustDomain}.upstream_cx_total: 2\n"
        + $"cluster.apiary.default.dc1.internal.{TrustDomain}.upstream_cx_connect_fail: 4\n"
        + "cluster.local_app.upstream_cx_connect_fail: 0\n"
        + "cluster_manager.cds.version_text: \"\"\n"
        + "server.version_text: \"1.28\"\n"
        + "http.public_listener.downstream_rq_time: No recorded values\n"
        + "http.public_listener.downstream_cx_length_ms: P0(nan,1) P100(nan,2)\n"));

    private static List<string> Names(EnvoyStatisticFilter filter, bool envoyFiltered = false) =>
        [.. filter.Apply(Stats, envoyFiltered).Select(s => s.Name)];

    [Fact]
    public void A_wildcard_matches_the_whole_name_in_any_case()
    {
        var names = Names(EnvoyStatisticFilter.Create("*CONNECT_FAIL"));

        Assert.Equal(4, names.Count);
        Assert.Empty(Names(EnvoyStatisticFilter.Create("connect_fail")));
    }

    [Fact]
    public void A_regex_matches_anywhere_as_envoys_filter_does()
    {
        var filter = EnvoyStatisticFilter.Create(@"version_te?xt", isRegex: true);

        Assert.Equal(["cluster_manager.cds.version_text", "server.version_text"], Names(filter));
        Assert.Equal(@"version_te?xt", filter.EnvoyFilter);
    }

    [Theory]
    [InlineData("*connect_fail*", "x.upstream_cx_connect_fail.y", true)]
    [InlineData("cluster.*.upstream_cx_total", "cluster.a.b.upstream_cx_total", true)]
    [InlineData("cluster.*.upstream_cx_total", "clusterXa.upstream_cx_total", false)]
    [InlineData("http.?.rbac.[ad]*", "http.p.rbac.allowed", true)]
    [InlineData("http.?.rbac.[!ad]*", "http.p.rbac.allowed", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    public void A_wildcard_becomes_an_anchored_expression_that_re2_and_dotnet_read_alike(string wildcard, string name, bool matches)
    {
        var expression = EnvoyStatisticFilter.WildcardToExpression(wildcard);

        Assert.Equal(matches, Regex.IsMatch(name, expression));
        Assert.StartsWith("(?i)^", expression, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cluster_service_selects_every_cluster_reaching_it_and_not_a_longer_name()
    {
        var filter = EnvoyStatisticFilter.Create(null, service: "api");

        var names = Names(filter);

        Assert.Equal(3, names.Count);
        Assert.DoesNotContain(names, n => n.Contains("apiary", StringComparison.Ordinal));
        var envoy = new Regex(filter.EnvoyFilter!);
        Assert.All(Stats.Where(s => s.Cluster?.Service == "api"), s => Assert.Matches(envoy, s.Name));
    }

    [Fact]
    public void A_cluster_by_its_exact_envoy_name_is_selected()
    {
        Assert.Equal(["cluster.local_app.upstream_cx_connect_fail"], Names(EnvoyStatisticFilter.Create(null, service: "local_app")));
    }

    [Fact]
    public void With_a_cluster_the_name_pattern_is_checked_here_even_when_envoy_filtered()
    {
        var filter = EnvoyStatisticFilter.Create("*connect_fail", service: "api");

        Assert.Equal(2, Names(filter, envoyFiltered: true).Count);
        Assert.Equal(EnvoyStatisticFilter.Create(null, service: "api").EnvoyFilter, filter.EnvoyFilter);
    }

    [Fact]
    public void Non_zero_keeps_numbers_text_and_histograms_that_show_values()
    {
        var names = Names(EnvoyStatisticFilter.Create(null, nonZero: true));

        Assert.Equal(5, names.Count);
        Assert.Contains("server.version_text", names);
        Assert.Contains("http.public_listener.downstream_cx_length_ms", names);
        Assert.DoesNotContain("http.public_listener.downstream_rq_time", names);
    }

    [Fact]
    public void Used_only_is_left_to_envoy_when_live_and_judged_by_values_in_a_file()
    {
        var filter = EnvoyStatisticFilter.Create(null, usedOnly: true);

        Assert.Equal(Stats.Count, Names(filter, envoyFiltered: true).Count);
        Assert.Equal(5, Names(filter).Count);
    }

    [Fact]
    public void A_bad_regex_is_an_argument_error_worded_for_the_user()
    {
        var error = Assert.Throws<ArgumentException>(() => EnvoyStatisticFilter.Create("([", isRegex: true));

        Assert.StartsWith("'([' is not a valid regular expression: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", error.Message, StringComparison.Ordinal);
    }
}
