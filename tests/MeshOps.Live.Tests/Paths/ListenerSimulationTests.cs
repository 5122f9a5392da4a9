using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Paths;

/// <summary>What the Listener hop's live tests need of the simulator: the bound-to-pod-ip fault and pod files read at exec time.</summary>
public sealed class ListenerSimulationTests
{
    [Theory]
    [InlineData("bound-to-pod-ip:products-api")]
    [InlineData("BoundToPodIp:products-api")]
    public void Bound_to_pod_ip_is_a_runtime_fault(string text) =>
        Assert.Equal(new RuntimeFault(RuntimeFaultKind.BoundToPodIp, "products-api"), RuntimeFault.Parse(text));

    [Fact]
    public void Bound_to_pod_ip_is_listed_with_the_kinds() =>
        Assert.Contains("bound-to-pod-ip", RuntimeFault.KindNames);

    [Fact]
    public async Task Under_bound_to_pod_ip_the_apps_port_listens_on_the_pod_ip_and_envoys_stay_where_they_were()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("bound-to-pod-ip:products-api")] });
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");
        var other = Assert.Single(cluster.Contents.Pods, p => p.Workload == "payments");

        var tcp = cluster.Files.Read(pod.Namespace, pod.Name, "products-api", "/proc/net/tcp")!;

        var ip = System.Net.IPAddress.Parse(pod.PodIp).GetAddressBytes();
        Array.Reverse(ip);
        Assert.Contains($"{Convert.ToHexString(ip)}:2382 00000000:0000 0A", tcp, StringComparison.Ordinal);
        Assert.DoesNotContain("00000000:2382 00000000:0000 0A", tcp, StringComparison.Ordinal);
        Assert.Contains("0100007F:4A38 00000000:0000 0A", tcp, StringComparison.Ordinal);
        Assert.Contains("00000000:1F90 00000000:0000 0A", cluster.Files.Read(other.Namespace, other.Name, "payments", "/proc/net/tcp")!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provided_file_is_read_anew_at_each_read_and_a_written_one_replaces_it()
    {
        var files = new PodFiles();
        var reads = 0;
        files.Provide("default", "p", "c", "/proc/net/tcp", () => $"read {++reads}");

        Assert.Equal(("read 1", "read 2"), (files.Read("default", "p", "c", "/proc/net/tcp"), files.Read("default", "p", "c", "/proc/net/tcp")));
        files.Write("default", "p", "c", "/proc/net/tcp", "fixed");
        Assert.Equal("fixed", files.Read("default", "p", "c", "/proc/net/tcp"));
        Assert.Null(files.Read("default", "p", "c", "/proc/net/tcp6"));
    }
}
