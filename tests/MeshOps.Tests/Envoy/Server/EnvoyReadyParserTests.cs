using MeshOps.Envoy;
using MeshOps.Envoy.Server;

namespace MeshOps.Tests.Envoy.Server;

public sealed class EnvoyReadyParserTests
{
    private static readonly EnvoySource Url = EnvoySource.ForUrl(new Uri("http://127.0.0.1:19000"));

    [Theory]
    [InlineData("LIVE\n", EnvoyServerState.Live, true)]
    [InlineData("DRAINING\n", EnvoyServerState.Draining, false)]
    [InlineData("PRE_INITIALIZING\n", EnvoyServerState.PreInitializing, false)]
    [InlineData("INITIALIZING", EnvoyServerState.Initializing, false)]
    [InlineData("SOMETHING_NEW\n", EnvoyServerState.Unknown, false)]
    public void The_body_names_the_state_and_only_LIVE_is_ready(string body, EnvoyServerState state, bool ready)
    {
        var readiness = EnvoyReadyParser.Parse(Url, body);

        Assert.Equal(state, readiness.State);
        Assert.Equal(ready, readiness.Ready);
        Assert.Equal(body.Trim(), readiness.StateName);
        Assert.Null(readiness.ServerInfo);
        Assert.Contains(body.Trim(), readiness.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("live\n")]
    [InlineData("LIVE\nLIVE\n")]
    [InlineData("<html>ok</html>")]
    [InlineData("{\"state\":\"LIVE\"}")]
    public void Anything_but_one_state_name_is_a_format_error_never_a_readiness(string body)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyReadyParser.Parse(Url, body));

        Assert.Equal("/ready", error.Output);
        Assert.StartsWith("http://127.0.0.1:19000: /ready", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readiness_from_server_info_carries_its_version_uptime_and_the_whole_answer()
    {
        var info = EnvoyServerInfoParser.Parse(Url, """{"version":"a/1.27.2/Clean/RELEASE/BoringSSL","state":"INITIALIZING","uptime_current_epoch":"12s"}""");

        var readiness = EnvoyReadiness.From(info);

        Assert.False(readiness.Ready);
        Assert.Equal("1.27.2", readiness.Version);
        Assert.Equal(TimeSpan.FromSeconds(12), readiness.Uptime);
        Assert.Same(info, readiness.ServerInfo);
        Assert.Contains("Consul", readiness.Reason, StringComparison.Ordinal);
    }
}
