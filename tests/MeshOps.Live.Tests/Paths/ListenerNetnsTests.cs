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
    [InlineData("127.0.0.1", null, PathHopStatus.Pass, "")]
    [InlineData("0.0.0.0", null, PathHopStatus.Pass, "")]
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

        var report = await LivePath.TraceAsync(cluster, "public-api", "products-api");

        var listener = report[PathHopName.Listener];
        Assert.Equal(status, listener.Status);
        Assert.Equal($"kubectl exec -n default {pod.Name} -c {Container} -- cat /proc/net/tcp /proc/net/tcp6", listener.Confirm);
        if (status == PathHopStatus.Fail)
        {
            Assert.Equal(PathHopName.Listener, report.RootCause);
            Assert.EndsWith($"fails at Listener: {summary}", report.Verdict, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(report.RootCause);
        }

        if (bind is not null)
            Assert.Contains($"pod {pod.Name}: /proc/net/tcp: {bind}:{Port} LISTEN", listener.Evidence);
    }

    [Fact]
    public async Task The_bound_to_pod_ip_fault_fails_the_hop_naming_the_pod_ip()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("bound-to-pod-ip:products-api")] });
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");

        var report = await LivePath.TraceAsync(cluster, "public-api", "products-api");

        var listener = report[PathHopName.Listener];
        Assert.Equal(PathHopStatus.Fail, listener.Status);
        Assert.Equal(PathHopName.Listener, report.RootCause);
        Assert.EndsWith($"fails at Listener: products-api listens on {pod.PodIp}:{Port} only", report.Verdict, StringComparison.Ordinal);
        Assert.Contains($"pod {pod.Name}: /proc/net/tcp: {pod.PodIp}:{Port} LISTEN (the pod IP)", listener.Evidence);
        Assert.StartsWith("bind products-api to 0.0.0.0:9090", listener.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_fault_the_same_exec_passes_on_the_kernel_table_not_on_configuration()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");

        var report = await LivePath.TraceAsync(cluster, "public-api", "products-api");

        Assert.Equal(PathHopStatus.Pass, report[PathHopName.Listener].Status);
        Assert.Contains($"pod {pod.Name}: /proc/net/tcp: 0.0.0.0:{Port} LISTEN", report[PathHopName.Listener].Evidence);
    }

    [Fact]
    public async Task An_exec_that_cannot_run_leaves_the_hop_to_the_configuration_and_says_why()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var pod = Assert.Single(cluster.Contents.Pods, p => p.Workload == "products-api");
        foreach (var container in (string[])[Container, "consul-dataplane"])
        {
            foreach (var table in (string[])["/proc/net/tcp", "/proc/net/tcp6"])
            {
                cluster.Files.Provide(pod.Namespace, pod.Name, container, table, () => null);
            }
        }

        var report = await LivePath.TraceAsync(cluster, "public-api", "products-api");

        var listener = report[PathHopName.Listener];
        Assert.Contains(listener.Evidence, e => e.Contains("could not be run", StringComparison.Ordinal) && e.Contains(pod.Name, StringComparison.Ordinal));
        // products-api's ConfigMap writes its bind address, so the model still judges the hop: never a Pass from nothing.
        Assert.Contains(listener.Evidence, e => e.Contains("binds", StringComparison.Ordinal));
    }
}
