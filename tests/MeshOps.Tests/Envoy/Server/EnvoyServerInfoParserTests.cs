using MeshOps.Envoy;
using MeshOps.Envoy.Server;

namespace MeshOps.Tests.Envoy.Server;

public sealed class EnvoyServerInfoParserTests
{
    private static readonly EnvoySource Pod = EnvoySource.ForPod("shop", "payments-7d9", 19000);

    /// <summary>The shape of Envoy 1.22+'s /server_info as a consul-k8s sidecar answers it (always_print_primitive_fields).</summary>
    private const string ServerInfo = """
        {
         "version": "dcd329a2e95b54f754b17aceca3f72724294b502/1.22.0/Clean/RELEASE/BoringSSL",
         "state": "LIVE",
         "hot_restart_version": "11.104",
         "command_line_options": {
          "base_id": "0",
          "use_dynamic_base_id": false,
          "base_id_path": "",
          "concurrency": 2,
          "config_path": "/consul/connect-inject/envoy-bootstrap.yaml",
          "config_yaml": "",
          "allow_unknown_static_fields": false,
          "reject_unknown_dynamic_fields": false,
          "ignore_unknown_dynamic_fields": false,
          "admin_address_path": "",
          "local_address_ip_version": "v4",
          "log_level": "info",
          "component_log_level": "",
          "log_format": "[%Y-%m-%d %T.%e][%t][%l][%n] [%g:%#] %v",
          "log_format_escaped": false,
          "log_path": "",
          "service_cluster": "",
          "service_node": "",
          "service_zone": "",
          "drain_strategy": "Gradual",
          "mode": "Serve",
          "disable_hot_restart": false,
          "enable_mutex_tracing": false,
          "restart_epoch": 2,
          "cpuset_threads": false,
          "disabled_extensions": [],
          "enable_fine_grain_logging": false,
          "socket_path": "@envoy_domain_socket",
          "socket_mode": 0,
          "enable_core_dump": false,
          "stats_tag": [],
          "drain_time": "600s",
          "parent_shutdown_time": "900s"
         },
         "node": {
          "id": "payments-7d9-payments-sidecar-proxy",
          "cluster": "payments",
          "metadata": {"namespace": "default", "partition": "default"},
          "user_agent_name": "envoy"
         },
         "uptime_current_epoch": "2530s",
         "uptime_all_epochs": "90061s"
        }
        """;

    [Fact]
    public void Json_gives_the_state_the_build_the_uptimes_and_the_node()
    {
        var info = EnvoyServerInfoParser.Parse(Pod, ServerInfo);

        Assert.Equal(EnvoyServerState.Live, info.State);
        Assert.Equal("LIVE", info.StateName);
        Assert.True(info.Ready);
        Assert.Equal("1.22.0", info.Version);
        Assert.Equal("dcd329a2e95b54f754b17aceca3f72724294b502", info.Revision);
        Assert.Equal("Clean", info.BuildStatus);
        Assert.Equal("RELEASE", info.BuildType);
        Assert.Equal("BoringSSL", info.SslLibrary);
        Assert.Equal(TimeSpan.FromSeconds(2530), info.Uptime);
        Assert.Equal(TimeSpan.FromSeconds(90061), info.UptimeAllEpochs);
        Assert.Equal("11.104", info.HotRestartVersion);
        Assert.Equal(2u, info.RestartEpoch);
        Assert.False(info.HotRestartDisabled);
        Assert.Equal(2u, info.Concurrency);
        Assert.Equal("info", info.LogLevel);
        Assert.Equal(TimeSpan.FromMinutes(10), info.DrainTime);
        Assert.Equal("payments-7d9-payments-sidecar-proxy", info.NodeId);
        Assert.Equal("payments", info.NodeCluster);
        Assert.Same(Pod, info.Source);
        Assert.Equal("payments-7d9", info.Pod);
    }

    [Theory]
    [InlineData("LIVE", EnvoyServerState.Live, true)]
    [InlineData("DRAINING", EnvoyServerState.Draining, false)]
    [InlineData("PRE_INITIALIZING", EnvoyServerState.PreInitializing, false)]
    [InlineData("INITIALIZING", EnvoyServerState.Initializing, false)]
    [InlineData("HIBERNATING", EnvoyServerState.Unknown, false)]
    public void Each_state_is_read_and_only_LIVE_is_ready(string name, EnvoyServerState state, bool ready)
    {
        var info = EnvoyServerInfoParser.Parse(Pod, ServerInfo.Replace("\"state\": \"LIVE\"", $"\"state\": \"{name}\"", StringComparison.Ordinal));

        Assert.Equal(state, info.State);
        Assert.Equal(name, info.StateName);
        Assert.Equal(ready, info.Ready);
    }

    [Fact]
    public void A_state_left_out_is_LIVE_by_the_proto3_rule_and_other_fields_left_out_are_zero_or_null()
    {
        var info = EnvoyServerInfoParser.Parse(Pod, """{"version":"abc/1.27.2/Modified/DEBUG/BoringSSL-FIPS"}""");

        Assert.Equal(EnvoyServerState.Live, info.State);
        Assert.Equal(TimeSpan.Zero, info.Uptime);
        Assert.Null(info.RestartEpoch);
        Assert.Null(info.Concurrency);
        Assert.Null(info.NodeId);
        Assert.Equal("BoringSSL-FIPS", info.SslLibrary);
        Assert.Equal("Modified", info.BuildStatus);
    }

    [Fact]
    public void Durations_with_fractions_and_numbers_written_as_strings_are_read()
    {
        var info = EnvoyServerInfoParser.Parse(Pod, """
            {"version":"a/1.30.1/Clean/RELEASE/BoringSSL","state":"LIVE","uptime_current_epoch":"0.500s","uptime_all_epochs":"1.000000001s",
             "command_line_options":{"concurrency":"4","drain_time":"2.5s"}}
            """);

        Assert.Equal(TimeSpan.FromMilliseconds(500), info.Uptime);
        Assert.Equal(TimeSpan.FromSeconds(1), info.UptimeAllEpochs);
        Assert.Equal(4u, info.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(2.5), info.DrainTime);
        Assert.Equal(0u, info.RestartEpoch);
    }

    [Theory]
    [InlineData("envoy 3c5c0f2d9d5d0b9f6d6f1d2c3b4a5968778695a4/1.8.0/Clean/RELEASE live 3 7 1\n", EnvoyServerState.Live)]
    [InlineData("envoy 3c5c0f2d9d5d0b9f6d6f1d2c3b4a5968778695a4/1.8.0/Clean/RELEASE draining 3 7 1", EnvoyServerState.Draining)]
    public void The_plain_line_of_Envoy_1_8_is_read(string line, EnvoyServerState state)
    {
        var info = EnvoyServerInfoParser.Parse(Pod, line);

        Assert.Equal(state, info.State);
        Assert.Equal("1.8.0", info.Version);
        Assert.Equal("RELEASE", info.BuildType);
        Assert.Null(info.SslLibrary);
        Assert.Equal(TimeSpan.FromSeconds(3), info.Uptime);
        Assert.Equal(TimeSpan.FromSeconds(7), info.UptimeAllEpochs);
        Assert.Equal(1u, info.RestartEpoch);
        Assert.Null(info.NodeId);
    }

    [Fact]
    public void The_plain_line_and_JSON_of_one_process_give_the_same_common_fields()
    {
        var json = EnvoyServerInfoParser.Parse(Pod, """
            {"version":"3c5c0f2d9d5d0b9f6d6f1d2c3b4a5968778695a4/1.8.0/Clean/RELEASE","state":"DRAINING",
             "uptime_current_epoch":"3s","uptime_all_epochs":"7s","command_line_options":{"restart_epoch":1}}
            """);
        var line = EnvoyServerInfoParser.Parse(Pod, "envoy 3c5c0f2d9d5d0b9f6d6f1d2c3b4a5968778695a4/1.8.0/Clean/RELEASE draining 3 7 1");

        Assert.Equal(json with { HotRestartDisabled = null }, line);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("  \n", 0, "empty")]
    [InlineData("{\"version\": \"a/1.2.3/Clean/RELEASE\",\n \"state\": ", 2, "not valid JSON")]
    [InlineData("{\"state\":\"LIVE\"}", 0, "no \"version\"")]
    [InlineData("{\"version\":\"v\",\"uptime_current_epoch\":25}", 0, "\"uptime_current_epoch\" is number, not a string")]
    [InlineData("{\"version\":\"v\",\"uptime_current_epoch\":\"25 minutes\"}", 0, "not a duration")]
    [InlineData("{\"version\":\"v\",\"command_line_options\":{\"concurrency\":-1}}", 0, "\"concurrency\" is number, not a whole number")]
    [InlineData("<html><body>404 page not found</body></html>", 1, "expected one line")]
    [InlineData("envoy abc/1.8.0/Clean/RELEASE live 3 7", 1, "expected one line")]
    [InlineData("envoy abc/1.8.0/Clean/RELEASE live 3 seven 0", 1, "not a whole number")]
    [InlineData("envoy abc/1.8.0/Clean/RELEASE starting 3 7 0", 1, "not a state")]
    public void Anything_else_is_a_format_error_naming_the_source_the_output_and_the_line(string content, int line, string problem)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyServerInfoParser.Parse(Pod, content));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("pod shop/payments-7d9 port 19000: /server_info", error.Message, StringComparison.Ordinal);
        Assert.Same(Pod, error.Origin);
    }

    [Fact]
    public void A_byte_order_mark_and_leading_blank_lines_of_a_saved_file_are_skipped()
    {
        var bytes = "\uFEFF\n\n"u8.ToArray().Concat(System.Text.Encoding.UTF8.GetBytes(ServerInfo)).ToArray();

        Assert.Equal(EnvoyServerState.Live, EnvoyServerInfoParser.Parse(EnvoySource.ForFile("/tmp/server_info.json"), bytes).State);
    }
}
