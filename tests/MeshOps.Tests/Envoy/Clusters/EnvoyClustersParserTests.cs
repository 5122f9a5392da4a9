using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Clusters;

namespace MeshOps.Tests.Envoy.Clusters;

public class EnvoyClustersParserTests
{
    private static readonly EnvoySource Source = EnvoySource.ForPod("default", "web-6d9f7", 19000);

    private static IReadOnlyList<EnvoyCluster> FromText(string text) => EnvoyClustersTextParser.Parse(Source, text);

    private static IReadOnlyList<EnvoyCluster> FromJson(string json) => EnvoyClustersJsonParser.Parse(Source, Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Text_and_json_of_the_same_clusters_give_equal_objects()
    {
        var text = FromText(ClustersFixture.Text);
        var json = FromJson(ClustersFixture.Json);

        Assert.Equal(3, text.Count);
        Assert.Equal(text, json);
    }

    [Fact]
    public void An_ipv6_host_keeps_its_colons_and_a_hostname_holding_double_colons_stays_whole()
    {
        var host = FromText(ClustersFixture.Text)[0].Hosts[0];

        Assert.Equal("[fd00:10:244::7]:20000", host.Address);
        Assert.Equal(("fd00:10:244::7", 20000), (host.IPAddress, host.Port));
        Assert.Equal("api-0::v6", host.Hostname);
        Assert.Equal((2UL, 9UL, 1UL, 7UL), (host.CxActive, host.CxTotal, host.RqActive, host.RqTotal));
        Assert.Equal(ulong.MaxValue, host.RqSuccess);
        Assert.Equal(99.5, host.SuccessRate);
        Assert.Null(host.LocalOriginSuccessRate);
        Assert.Equal(("eu-west-1", "eu-west-1a", (string?)null), (host.Region, host.Zone, host.SubZone));
    }

    [Fact]
    public void Failure_flags_make_a_host_unhealthy_and_degraded_does_not()
    {
        var clusters = FromText(ClustersFixture.Text);
        var failing = clusters[0].Hosts[1];
        var degraded = clusters[1].Hosts[0];

        Assert.Equal(EnvoyHostHealthFlags.FailedOutlierCheck | EnvoyHostHealthFlags.FailedEdsHealth, failing.HealthFlags);
        Assert.False(failing.Healthy);
        Assert.Equal(35UL, failing.CxConnectFail);
        Assert.Equal(EnvoyHostHealthFlags.DegradedEdsHealth, degraded.HealthFlags);
        Assert.True(degraded.Healthy);
        Assert.Equal((2, 1, 35UL), (clusters[0].HostCount, clusters[0].HealthyHostCount, clusters[0].CxConnectFail));
    }

    [Fact]
    public void A_pipe_host_has_a_path_and_no_ip_or_port()
    {
        var host = FromJson(ClustersFixture.Json)[1].Hosts[0];

        Assert.Equal(("/run/consul/agent.sock", "/run/consul/agent.sock"), (host.Address, host.PipePath));
        Assert.Null(host.IPAddress);
        Assert.Null(host.Port);
    }

    [Fact]
    public void Cluster_level_keys_are_read_and_minus_one_means_no_outlier_data()
    {
        var cluster = FromText(ClustersFixture.Text)[0];

        Assert.Equal(ClustersFixture.Api, cluster.ObservabilityName);
        Assert.Equal("api-eds", cluster.EdsServiceName);
        Assert.True(cluster.AddedViaApi);
        Assert.Equal(new EnvoyCircuitBreakerLimits(2048, 1024, 1024, 5), cluster.HighPriorityLimits);
        Assert.Null(cluster.SuccessRateEjectionThreshold);
        Assert.Equal(55.25, cluster.LocalOriginSuccessRateEjectionThreshold);
        Assert.Equal(("api", "dc1", EnvoyClusterRole.Upstream), (cluster.Service, cluster.ConsulName.Datacenter, cluster.Role));
        Assert.Equal("web-6d9f7", cluster.Pod);
    }

    [Fact]
    public void A_cluster_without_hosts_is_still_listed()
    {
        var cluster = FromText(ClustersFixture.Text)[2];

        Assert.Equal(EnvoyClusterRole.OriginalDestination, cluster.Role);
        Assert.Empty(cluster.Hosts);
    }

    [Theory]
    [InlineData("local_app::127.0.0.1:8080::cx_act", 1)]
    [InlineData("local_app::127.0.0.1:8080::cx_active::", 1)]
    [InlineData("local_app::added_via_api::true\nlocal_app::127.0.0.1:8080::cx_active::-3", 2)]
    [InlineData("local_app::added_via_api::yes", 1)]
    [InlineData("local_app::added_via_api::true\n<html>upstream connect error</html>", 2)]
    [InlineData("local_app::127.0.0.1:8080::health_flags::unhealthy", 1)]
    [InlineData("local_app::127.0.0.1:8080::success_rate::n/a", 1)]
    public void A_line_that_is_not_envoys_is_an_error_naming_the_line_never_a_partial_list(string text, int line)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => FromText(text));

        Assert.Equal(line, error.Line);
        Assert.Contains("pod default/web-6d9f7 port 19000", error.Message, StringComparison.Ordinal);
        Assert.Contains("/clusters text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_answer_is_an_error(string text) =>
        Assert.Throws<EnvoyFormatException>(() => FromText(text));

    [Theory]
    [InlineData("""{"cluster_statuses":[{"name":"local_app","host_statuses":[{"address":{"socket_address":{"address":"127.0.0.1","port_value":8080}},"stats":[{"name":"cx_total","value":"x"}]}]}]}""")]
    [InlineData("""{"cluster_statuses":[{"name":"local_app","host_statuses":[{"address":{"socket_address":""")]
    [InlineData("""{"cluster_statuses":[{"host_statuses":[]}]}""")]
    [InlineData("""{"cluster_statuses":"local_app"}""")]
    [InlineData("""{"configs":[]}""")]
    [InlineData("""{}""")]
    public void Json_that_is_not_envoys_clusters_is_an_error(string json)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => FromJson(json));

        Assert.Contains("/clusters?format=json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_flag_from_a_newer_envoy_is_counted_as_a_failure()
    {
        var host = FromText("local_app::127.0.0.1:8080::health_flags::/some_future_flag")[0].Hosts[0];

        Assert.Equal(EnvoyHostHealthFlags.Other, host.HealthFlags);
        Assert.False(host.Healthy);
    }

    [Theory]
    [InlineData("DRAINING", EnvoyHostHealthFlags.EdsStatusDraining, "/eds_status_draining")]
    [InlineData("TIMEOUT", EnvoyHostHealthFlags.FailedEdsHealth, "/failed_eds_health")]
    [InlineData("UNKNOWN", EnvoyHostHealthFlags.None, "healthy")]
    public void Json_eds_statuses_map_to_the_flags_the_text_prints(string status, EnvoyHostHealthFlags flags, string text)
    {
        var json = FromJson($$$"""{"cluster_statuses":[{"name":"a","host_statuses":[{"address":{"socket_address":{"address":"10.0.0.1","port_value":1}},"health_status":{"eds_health_status":"{{{status}}}"}}]}]}""");
        var fromText = FromText($"a::10.0.0.1:1::health_flags::{text}");

        Assert.Equal(flags, json[0].Hosts[0].HealthFlags);
        Assert.Equal(fromText, json);
    }

    [Fact]
    public void Text_saved_with_windows_line_ends_reads_as_the_original() =>
        Assert.Equal(FromText(ClustersFixture.Text), FromText(ClustersFixture.Text.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Fact]
    public void An_older_envoy_without_observability_name_but_with_version_info_is_read()
    {
        var cluster = Assert.Single(FromText("local_app::version_info::static\nlocal_app::127.0.0.1:8080::cx_total::4\n"));

        Assert.Null(cluster.ObservabilityName);
        Assert.Null(cluster.DefaultPriorityLimits);
        Assert.Equal(4UL, Assert.Single(cluster.Hosts).CxTotal);
    }
}
