using MeshOps.Clients.Kubernetes;
using MeshOps.Paths;
using MeshOps.Paths.Live;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// The Listener hop reads the kernel's own format: products-api's /proc/net/tcp and tcp6 on the simulated cluster are
/// those of a real network namespace where a real process listens (or nothing does), read through the SDK's exec
/// client against the simulated API server, then parsed and judged.
/// </summary>
public sealed class ListenerNetnsTests
{
    private const string Container = "products-api";

    private const int Port = 9090;

    [ListenerNetnsTheory]
    [InlineData("127.0.0.1", null, PathHopStatus.Pass, "products-api listens on 127.0.0.1:9090 (mesh callers only)")]
    [InlineData("0.0.0.0", null, PathHopStatus.Pass, "products-api listens on 0.0.0.0:9090")]
    [InlineData(null, null, PathHopStatus.Fail, "nothing listens on :9090; nothing listens at all")]
    [InlineData("10.200.0.7", "10.200.0.7/32", PathHopStatus.Fail, "products-api listens on 10.200.0.7:9090 only")]
    public async Task A_real_listener_in_a_network_namespace_is_judged_through_exec(string? bind, string? address, PathHopStatus status, string summary)
    {
        using var netns = ListenerNamespace.Create();
        if (address is not null)
            netns.AddAddress(address);
        if (bind is not null)
            netns.Listen(bind, Port);
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");
        foreach (var table in (string[])["/proc/net/tcp", "/proc/net/tcp6"])
        {
            cluster.Files.Provide(pod.Namespace, pod.Name, Container, table, () => netns.Read(table));
        }

        var judgement = await ExecAndJudge(cluster, pod);

        Assert.Equal((status, summary), (judgement.Status, judgement.Summary));
        if (bind is not null)
            Assert.Contains($"pod {pod.Name}: /proc/net/tcp: {bind}:{Port} LISTEN", judgement.Evidence);
    }

    [Fact]
    public async Task The_bound_to_pod_ip_fault_fails_the_hop_naming_the_pod_ip()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("bound-to-pod-ip:products-api")] });
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");

        var judgement = await ExecAndJudge(cluster, pod);

        Assert.Equal(PathHopStatus.Fail, judgement.Status);
        Assert.Equal($"products-api listens on {pod.PodIp}:{Port} only", judgement.Summary);
        Assert.Contains($"pod {pod.Name}: /proc/net/tcp: {pod.PodIp}:{Port} LISTEN (the pod IP)", judgement.Evidence);
        Assert.StartsWith("bind products-api to 0.0.0.0:9090", judgement.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_fault_the_same_exec_passes()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");

        var judgement = await ExecAndJudge(cluster, pod);

        Assert.Equal((PathHopStatus.Pass, "products-api listens on 0.0.0.0:9090"), (judgement.Status, judgement.Summary));
    }

    private static async Task<MeshOps.Paths.Hops.HopJudgement> ExecAndJudge(SimulatedCluster cluster, SimulatedPod pod)
    {
        var folder = Directory.CreateTempSubdirectory("meshops-listener");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);
            var result = await PodExec.RunAsync(connection.Client, pod.Namespace, pod.Name, Container, ["cat", "/proc/net/tcp", "/proc/net/tcp6"]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            return ListenerSocketJudge.Judge(new ListenerProbe(pod.Namespace, pod.Name, Container, pod.PodIp, Port, ProcNetTcp.Parse(result.Stdout)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
