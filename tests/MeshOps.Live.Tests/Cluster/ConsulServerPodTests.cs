using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>With no Consul address given, the client reaches the server pod of the cluster through a port-forward and says which.</summary>
public sealed class ConsulServerPodTests
{
    [Fact]
    public async Task Without_an_address_Consul_is_reached_through_the_server_pod_and_the_pod_is_named()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var folder = Directory.CreateTempSubdirectory("meshops-consul");
        try
        {
            using var kube = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);

            using var consul = await ConsulServerPod.ConnectAsync(kube, environment: _ => null);
            var services = await consul.Client.GetServicesAsync();

            Assert.Equal("consul/consul-server-0", consul.Via);
            Assert.Contains("payments", services.Keys);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_address_in_CONSUL_HTTP_ADDR_wins_over_the_cluster()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var folder = Directory.CreateTempSubdirectory("meshops-consul");
        try
        {
            using var kube = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);
            var address = cluster.ConsulAddress.ToString();

            using var consul = await ConsulServerPod.ConnectAsync(kube, environment: name => name == "CONSUL_HTTP_ADDR" ? address : null);

            Assert.Null(consul.Via);
            Assert.NotEmpty(await consul.Client.GetLeaderAsync());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
