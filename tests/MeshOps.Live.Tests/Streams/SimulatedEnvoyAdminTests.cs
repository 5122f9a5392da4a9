using System.Net;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Envoy;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Streams;

public sealed class SimulatedEnvoyAdminTests
{
    private static readonly EnvoyAdminData PublicApi = EnvoyAdminData.For("public-api", "shop", "public-api-7d9f8-abcde", "10.244.0.21") with
    {
        Upstreams = [new EnvoyUpstream("product-api", Endpoints: 2, HealthyEndpoints: 1, ConnectFailures: 35), new EnvoyUpstream("payments")],
    };

    private static readonly string ProductApiCluster = PublicApi.ClusterName("product-api");

    [Fact]
    public async Task Ready_is_200_LIVE_when_live_and_503_with_the_state_when_not()
    {
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi);
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        var live = await http.GetAsync(new Uri("ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("LIVE\n", await live.Content.ReadAsStringAsync());

        admin.Data = PublicApi with { State = EnvoyServerState.PreInitializing };
        var starting = await http.GetAsync(new Uri("ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Equal("PRE_INITIALIZING\n", await starting.Content.ReadAsStringAsync());
        var info = JsonNode.Parse(await http.GetStringAsync(new Uri("server_info", UriKind.Relative)))!;
        Assert.Equal("PRE_INITIALIZING", (string?)info["state"]);
        Assert.Equal("public-api-7d9f8-abcde-public-api-sidecar-proxy", (string?)info["node"]!["id"]);
        Assert.Matches(@"^[0-9a-f]{40}/1\.22\.0/Clean/RELEASE/BoringSSL$", (string?)info["version"]);
    }

    [Fact]
    public async Task Clusters_name_each_upstream_by_its_Consul_SNI_with_health_and_connect_failures_in_both_formats()
    {
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi);
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        var json = JsonNode.Parse(await http.GetStringAsync(new Uri("clusters?format=json", UriKind.Relative)))!;
        var statuses = json["cluster_statuses"]!.AsArray();
        Assert.Equal(
            [ProductApiCluster, PublicApi.ClusterName("payments"), "original-destination", "local_app", "local_agent"],
            statuses.Select(s => (string)s!["name"]!));
        var productApi = statuses[0]!;
        Assert.Equal(["HEALTHY", "UNHEALTHY"], productApi["host_statuses"]!.AsArray().Select(h => (string)h!["health_status"]!["eds_health_status"]!));
        var failures = productApi["host_statuses"]![0]!["stats"]!.AsArray().Single(s => (string?)s!["name"] == "cx_connect_fail")!;
        Assert.Equal("35", (string?)failures["value"]);
        Assert.False(statuses[^1]!.AsObject().ContainsKey("added_via_api"));

        var text = await http.GetStringAsync(new Uri("clusters", UriKind.Relative));
        Assert.Contains($"{ProductApiCluster}::10.244.1.10:20000::cx_connect_fail::35\n", text, StringComparison.Ordinal);
        Assert.Contains($"{ProductApiCluster}::10.244.1.11:20000::health_flags::/failed_eds_health\n", text, StringComparison.Ordinal);
        Assert.Contains("local_app::127.0.0.1:8080::health_flags::healthy\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_carry_the_upstreams_failures_and_membership_in_text_json_and_prometheus()
    {
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi);
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        var text = await http.GetStringAsync(new Uri("stats", UriKind.Relative));
        Assert.Contains($"cluster.{ProductApiCluster}.upstream_cx_connect_fail: 35\n", text, StringComparison.Ordinal);
        Assert.Contains($"cluster.{ProductApiCluster}.membership_healthy: 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"cluster.{ProductApiCluster}.circuit_breakers.default.cx_open: 0\n", text, StringComparison.Ordinal);
        Assert.Contains("server.state: 0\n", text, StringComparison.Ordinal);
        Assert.Contains("cluster_manager.cds.version_text: \"", text, StringComparison.Ordinal);

        var json = JsonNode.Parse(await http.GetStringAsync(new Uri("stats?format=json&type=Counters&filter=upstream_cx_connect_fail", UriKind.Relative)))!;
        var stats = json["stats"]!.AsArray();
        Assert.All(stats, s => Assert.EndsWith("upstream_cx_connect_fail", (string)s!["name"]!, StringComparison.Ordinal));
        Assert.Equal(35, (long)stats.Single(s => (string?)s!["name"] == $"cluster.{ProductApiCluster}.upstream_cx_connect_fail")!["value"]!);
        var gauges = JsonNode.Parse(await http.GetStringAsync(new Uri("stats?format=json&type=Counters&filter=membership_(healthy|total)", UriKind.Relative)))!;
        Assert.Empty(gauges["stats"]!.AsArray());

        var prometheus = await http.GetStringAsync(new Uri("stats/prometheus", UriKind.Relative));
        Assert.Contains("# TYPE envoy_cluster_upstream_cx_connect_fail counter\n", prometheus, StringComparison.Ordinal);
        Assert.Contains($"envoy_cluster_upstream_cx_connect_fail{{envoy_cluster_name=\"{ProductApiCluster}\"}} 35\n", prometheus, StringComparison.Ordinal);
        Assert.Contains("# TYPE envoy_cluster_membership_healthy gauge\n", prometheus, StringComparison.Ordinal);

        var badType = await http.GetAsync(new Uri("stats?type=Everything", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Equal("invalid &type= param\n", await badType.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Config_dump_listeners_and_certs_follow_the_pod_and_its_upstreams()
    {
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi);
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        var dump = JsonNode.Parse(await http.GetStringAsync(new Uri("config_dump", UriKind.Relative)))!;
        var configs = dump["configs"]!.AsArray();
        Assert.DoesNotContain(configs, c => ((string)c!["@type"]!).EndsWith("EndpointsConfigDump", StringComparison.Ordinal));
        var clusters = configs.Single(c => ((string)c!["@type"]!).EndsWith("ClustersConfigDump", StringComparison.Ordinal))!;
        var productApi = clusters["dynamic_active_clusters"]!.AsArray().Single(c => (string?)c!["cluster"]!["name"] == ProductApiCluster)!;
        Assert.Equal(PublicApi.SpiffeId("product-api"),
            (string?)productApi["cluster"]!["transport_socket"]!["typed_config"]!["common_tls_context"]!["validation_context"]!["match_subject_alt_names"]![0]!["exact"]);
        Assert.DoesNotContain("client.default", dump.ToJsonString(), StringComparison.Ordinal);
        var withEds = JsonNode.Parse(await http.GetStringAsync(new Uri("config_dump?include_eds", UriKind.Relative)))!;
        Assert.Contains(withEds["configs"]!.AsArray(), c => ((string)c!["@type"]!).EndsWith("EndpointsConfigDump", StringComparison.Ordinal));

        Assert.Equal(
            "public_listener:10.244.0.21:20000::10.244.0.21:20000\noutbound_listener:127.0.0.1:15001::127.0.0.1:15001\n",
            await http.GetStringAsync(new Uri("listeners", UriKind.Relative)));

        var certs = JsonNode.Parse(await http.GetStringAsync(new Uri("certs", UriKind.Relative)))!["certificates"]!.AsArray();
        Assert.Equal(3, certs.Count);
        Assert.All(certs, c => Assert.Equal(PublicApi.SpiffeId("public-api"), (string?)c!["cert_chain"]![0]!["subject_alt_names"]![0]!["uri"]));
    }

    [Fact]
    public async Task A_sidecar_still_initializing_has_no_dynamic_clusters_listeners_or_certs()
    {
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi with { State = EnvoyServerState.Initializing });
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        var clusters = JsonNode.Parse(await http.GetStringAsync(new Uri("clusters?format=json", UriKind.Relative)))!["cluster_statuses"]!.AsArray();
        Assert.Equal(["local_agent"], clusters.Select(c => (string)c!["name"]!));
        Assert.Equal(string.Empty, await http.GetStringAsync(new Uri("listeners", UriKind.Relative)));
        Assert.Empty(JsonNode.Parse(await http.GetStringAsync(new Uri("certs", UriKind.Relative)))!["certificates"]!.AsArray());
        Assert.Contains("server.live: 0\n", await http.GetStringAsync(new Uri("stats", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fault_plan_applies_to_the_admin_endpoints()
    {
        var faults = new FaultPlan();
        faults.Add(new Fault(FaultKind.ServerError, "/stats", Times: 1));
        await using var admin = await SimulatedEnvoyAdmin.StartAsync(PublicApi, faults);
        using var http = new HttpClient { BaseAddress = admin.BaseAddress };

        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync(new Uri("stats", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("stats", UriKind.Relative))).StatusCode);
    }
}
