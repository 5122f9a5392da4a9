using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

public sealed class SimulatedClusterTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task The_pods_and_endpoints_are_served_by_the_API_server_and_Consul_is_reachable_as_consul_server_0_port_8500()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        Assert.Contains(cluster.Store.List("", "Pod", "default"), p => ((string?)p["metadata"]!["name"])!.StartsWith("payments-", StringComparison.Ordinal));
        Assert.NotNull(cluster.Store.Get("", "Endpoints", "default", "payments"));
        Assert.Equal(cluster.Consul.EndPoint, cluster.Network.Find("consul", "consul-server-0", 8500));
        var services = await Http.GetFromJsonAsync<JsonObject>(new Uri(cluster.ConsulAddress, "v1/catalog/services"));
        Assert.Equal(
            ["consul", "frontend", "frontend-sidecar-proxy", "nginx", "nginx-sidecar-proxy", "payments", "payments-sidecar-proxy", "postgres",
                "postgres-sidecar-proxy", "products-api", "products-api-sidecar-proxy", "public-api", "public-api-sidecar-proxy"],
            services!.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Consul_holds_the_intentions_and_service_defaults_the_CRDs_declare()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        var defaults = await Http.GetFromJsonAsync<JsonObject>(new Uri(cluster.ConsulAddress, "v1/config/service-defaults/postgres"));
        Assert.Equal("tcp", (string?)defaults!["Protocol"]);
        var payments = await Http.GetFromJsonAsync<JsonObject>(new Uri(cluster.ConsulAddress, "v1/config/service-intentions/payments"));
        var source = payments!["Sources"]![0]!;
        Assert.Equal("public-api", (string?)source["Name"]);
        Assert.Equal("allow", (string?)source["Action"]);
    }

    [Fact]
    public async Task A_service_missing_from_the_catalog_has_no_instances_and_its_callers_Envoy_has_no_endpoint_for_it()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("missing-from-catalog:payments")] });

        var services = await Http.GetFromJsonAsync<JsonObject>(new Uri(cluster.ConsulAddress, "v1/catalog/services"));
        Assert.DoesNotContain("payments", services!.Select(p => p.Key));
        var publicApi = Assert.Single(cluster.Sidecars, s => s.Data.Service == "public-api");
        Assert.Equal(0, Assert.Single(publicApi.Data.Upstreams, u => u.Service == "payments").Endpoints);
        Assert.Equal(publicApi.EndPoint, cluster.Network.Find("default", publicApi.Data.Pod, 19000));
    }

    [Fact]
    public async Task Envoy_of_public_api_has_clusters_for_the_services_its_configuration_calls()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        var publicApi = Assert.Single(cluster.Sidecars, s => s.Data.Service == "public-api");
        Assert.Equal(["payments", "products-api"], publicApi.Data.Upstreams.Select(u => u.Service));
        var clusters = await Http.GetStringAsync(new Uri(publicApi.BaseAddress, "clusters"));
        Assert.Contains(publicApi.Data.ClusterName("payments"), clusters, StringComparison.Ordinal);
        var nginx = Assert.Single(cluster.Sidecars, s => s.Data.Service == "nginx");
        Assert.Equal(["frontend", "public-api"], nginx.Data.Upstreams.Select(u => u.Service));
    }

    [Fact]
    public async Task Proc_net_tcp_shows_a_loopback_bind_where_the_configuration_binds_127_0_0_1()
    {
        await using var loopback = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = "MESH103-products-api-loopback" });
        await using var healthy = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        static string Tcp(SimulatedCluster cluster)
        {
            var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");
            return cluster.Files.Read("default", pod.Name, "products-api", "/proc/net/tcp")!;
        }

        // 9090 is 0x2382; the kernel writes 127.0.0.1 as 0100007F and 0.0.0.0 as 00000000.
        Assert.Contains("0100007F:2382 00000000:0000 0A", Tcp(loopback), StringComparison.Ordinal);
        Assert.Contains("00000000:2382 00000000:0000 0A", Tcp(healthy), StringComparison.Ordinal);
        Assert.Contains("0100007F:4A38 00000000:0000 0A", Tcp(healthy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runtime_fault_on_a_service_HashiCups_does_not_run_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("crashloop:paymnts")] }));

        Assert.Contains("'paymnts'", error.Message, StringComparison.Ordinal);
    }
}
