using MeshOps.Envoy;
using MeshOps.Envoy.Clusters;

namespace MeshOps.Tests.Envoy.Clusters;

/// <summary>The real answers in the shared reference data (never copied into the repository).</summary>
public class EnvoyClustersSampleTests
{
    private static IReadOnlyList<EnvoyCluster> Text(string file)
    {
        var path = ReferenceData.Path("envoy-samples", "ppresto-hcp_consul", file);
        return EnvoyClustersTextParser.Parse(EnvoySource.ForFile(path), File.ReadAllText(path));
    }

    [Fact]
    public void The_hcp_web_sidecar_shows_connect_failures_towards_api_and_the_original_destination()
    {
        var clusters = Text("clusters-web-sidecar.txt");

        Assert.Equal(["original-destination", "local_app", "local_agent", "v1.api.default.hcpc-cluster-presto.internal.581aa194-4ae7-b07c-bca6-9475ad2164ef.consul"],
            clusters.Select(c => c.Name));
        var api = clusters[3];
        Assert.Equal(("api", "v1", EnvoyClusterRole.Upstream), (api.Service, api.ConsulName.Subset, api.Role));
        var host = Assert.Single(api.Hosts);
        Assert.Equal(("10.20.1.62", 20000, 35UL, 19UL), (host.IPAddress, host.Port, host.CxConnectFail, host.RqError));
        Assert.True(host.Healthy);
        Assert.Null(api.SuccessRateEjectionThreshold);
        Assert.Equal(4920UL, clusters[0].CxConnectFail);
        Assert.Equal("original-destination172.20.91.125:9411", clusters[0].Hosts[0].Hostname);
        Assert.False(clusters[2].AddedViaApi);
        Assert.Equal(new EnvoyCircuitBreakerLimits(1024, 1024, 1024, 3), clusters[2].DefaultPriorityLimits);
        Assert.All(clusters.SelectMany(c => c.Hosts), h => Assert.Null(h.SuccessRate));
    }

    [Fact]
    public void The_hcp_api_sidecar_parses_every_line()
    {
        var clusters = Text("clusters-api-sidecar.txt");

        Assert.NotEmpty(clusters);
        Assert.All(clusters, c => Assert.Equal(c.Name, c.ObservabilityName));
        Assert.Contains(clusters, c => c.Role == EnvoyClusterRole.LocalApp && c.Hosts.Count == 1);
    }

    [Fact]
    public void The_consul_k8s_json_reads_omitted_zeros_as_zero_and_strings_as_numbers()
    {
        var path = ReferenceData.Path("envoy-samples", "consul-k8s", "test_clusters.json");
        var clusters = EnvoyClustersJsonParser.Parse(EnvoySource.ForFile(path), File.ReadAllBytes(path));

        Assert.Equal(5, clusters.Count);
        var client = clusters[0];
        Assert.Equal(("client", "default", "dc1"), (client.Service, client.ConsulName.Namespace, client.ConsulName.Datacenter));
        Assert.Equal(3, client.HostCount);
        Assert.All(client.Hosts, h => Assert.Equal((0UL, 0UL, true, 1U), (h.CxConnectFail, h.CxActive, h.Healthy, h.Weight)));
        Assert.Empty(clusters.Single(c => c.Name == "original-destination").Hosts);
        var agent = clusters.Single(c => c.Name == "local_agent");
        Assert.False(agent.AddedViaApi);
        var host = Assert.Single(agent.Hosts);
        Assert.Equal((8UL, 11UL, 10UL, 0UL, 3UL, 1UL, 1UL), (host.CxConnectFail, host.CxTotal, host.RqError, host.RqSuccess, host.RqTotal, host.CxActive, host.RqActive));
        Assert.Equal("192.168.79.187:8502", host.Address);
        Assert.Equal(new EnvoyCircuitBreakerLimits(1024, 1024, 1024, 3), agent.HighPriorityLimits);
    }
}
