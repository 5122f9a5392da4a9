using k8s;
using k8s.Autorest;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Envoy.Admin;
using MeshOps.Live.Tests.Kubernetes;
using MeshOps.Paths;
using MeshOps.Paths.Hops;
using MeshOps.Paths.Live;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// The Envoy hop on the simulated HashiCups cluster, public-api -> products-api: both sidecars read through the API
/// server's port-forward and the pod log API, as the live gatherer reads them, then judged.
/// </summary>
public sealed class EnvoyHopLiveTests
{
    private const string Source = "public-api";
    private const string Destination = "products-api";

    [Fact]
    public async Task A_healthy_path_passes()
    {
        var verdict = await JudgeAsync((string?)null);

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains(verdict.Evidence, e => e.Contains($"/clusters: {Destination}.default.dc1.internal.", StringComparison.Ordinal) && e.EndsWith("1/1 hosts healthy", StringComparison.Ordinal));
        Assert.Contains(verdict.Evidence, e => e.Contains(": log (", StringComparison.Ordinal) && e.EndsWith("no known sidecar failure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Connect_failures_rising_at_the_destination_fail_on_the_callers_counter()
    {
        var verdict = await JudgeAsync($"connect-failures:{Destination}");

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Matches($@"^public-api-[a-z0-9-]+'s sidecar is failing to connect to {Destination} \(cluster\.{Destination}\.default\.dc1\.internal\.[^ ]+\.upstream_cx_connect_fail 12 -> \d+ in [0-9.]+ s\)$", verdict.Summary);
        Assert.Contains(verdict.Evidence, e => e.Contains("cluster.local_app.upstream_cx_connect_fail 12 -> ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_certificate_on_the_destination_fails()
    {
        var verdict = await JudgeAsync($"expired-certificate:{Destination}");

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.Matches($"^{Destination}-[a-z0-9-]+'s leaf certificate has expired$", verdict.Summary);
    }

    [Fact]
    public async Task Consul_unreachable_from_the_source_sidecar_fails_quoting_its_log()
    {
        var verdict = await JudgeAsync($"consul-unreachable:{Source}");

        Assert.Equal(PathHopStatus.Fail, verdict.Status);
        Assert.EndsWith("consul-dataplane cannot reach a Consul server (gRPC 8502): check the servers are up and that DNS and NetworkPolicies let the pod reach them", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains(verdict.Evidence, e => e.Contains("log: ConsulUnreachable x3, last: ", StringComparison.Ordinal) && e.Contains("connection error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_log_api_refuses_a_container_the_pod_does_not_have()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        using var connection = Connect(cluster, out var folder);
        try
        {
            var pod = PodOf(cluster, Destination);

            var refused = await Assert.ThrowsAsync<HttpOperationException>(() =>
                connection.Client.CoreV1.ReadNamespacedPodLogAsync(pod, "default", container: "envoy-sidecar"));

            Assert.Equal(400, (int)refused.Response.StatusCode);
            Assert.Contains($"container envoy-sidecar is not valid for pod {pod}", refused.Response.Content, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_log_that_cannot_be_read_is_a_reason_not_an_exception()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        using var connection = Connect(cluster, out var folder);
        try
        {
            var log = await EnvoySidecarReader.ReadLogAsync(connection.Client, "default", "products-api-gone", "consul-dataplane", 200, CancellationToken.None);

            Assert.Null(log.Value);
            Assert.Equal("the log API answered 404 for pod default/products-api-gone container consul-dataplane: pods \"products-api-gone\" not found", log.Reason);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Logs_rbac_refuses_leave_that_check_unknown_with_the_reason_while_the_rest_is_judged()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        cluster.Kubernetes.Access.Forbid("get", "", "pods/log");

        var verdict = await JudgeAsync(cluster);

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains(verdict.Evidence, e => e.Contains($"log not read: the log API answered 403 for pod default/{PodOf(cluster, Source)} container consul-dataplane: pods/log is forbidden", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_log_api_failing_after_the_retries_leaves_that_check_unknown_not_the_trace_thrown()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        cluster.KubernetesFaults.Add(new MeshOps.Simulation.Faults.Fault(MeshOps.Simulation.Faults.FaultKind.ServerError, $"/api/v1/namespaces/default/pods/{PodOf(cluster, Source)}/log"));

        var verdict = await JudgeAsync(cluster);

        Assert.Equal(PathHopStatus.Pass, verdict.Status);
        Assert.Contains(verdict.Evidence, e => e.Contains($"pod default/{PodOf(cluster, Source)}: log not read: the log API could not be read", StringComparison.Ordinal) && e.Contains("500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Port_forward_refused_by_rbac_and_exec_refused_leave_their_hops_unknown_with_the_reason()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        cluster.Kubernetes.Access.Forbid("create", "", "pods/portforward");
        cluster.Kubernetes.Access.Forbid("create", "", "pods/exec");

        var report = await LivePath.TraceAsync(cluster, Source, Destination);

        Assert.Equal(PathHopStatus.Unknown, report[PathHopName.Envoy].Status);
        Assert.Contains(report[PathHopName.Envoy].Evidence, e => e.Contains("/clusters not read", StringComparison.Ordinal) && e.Contains("403", StringComparison.Ordinal));
        // The Listener hop falls back to the bind address products-api's configuration writes, and says why.
        Assert.Contains(report[PathHopName.Listener].Evidence, e => e.Contains("could not be run", StringComparison.Ordinal) && e.Contains("HTTP 403", StringComparison.Ordinal));
    }

    [KubectlFact]
    public async Task The_log_confirm_command_works_against_the_simulated_cluster_as_printed()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse($"consul-unreachable:{Source}")] });
        var folder = Directory.CreateTempSubdirectory("meshops-envoy-hop");
        try
        {
            var kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig"));
            var verdict = await JudgeAsync(cluster);
            Assert.StartsWith("kubectl logs ", verdict.Confirm, StringComparison.Ordinal);

            var result = await Kubectl.RunAsync(kubeconfig, [.. verdict.Confirm.Split(' ').Skip(1)]);

            Assert.Equal(0, result.ExitCode);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(14, lines.Length);
            Assert.Contains("connection error", lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("connect-failures:products-api", RuntimeFaultKind.ConnectFailures)]
    [InlineData("expired-certificate:payments", RuntimeFaultKind.ExpiredCertificate)]
    [InlineData("consul-unreachable:public-api", RuntimeFaultKind.ConsulUnreachable)]
    public void The_envoy_faults_are_written_as_the_command_line_writes_them(string text, RuntimeFaultKind kind)
    {
        Assert.Equal(kind, RuntimeFault.Parse(text).Kind);
        Assert.Contains(text[..text.IndexOf(':', StringComparison.Ordinal)], RuntimeFault.KindNames);
    }

    private static async Task<EnvoyVerdict> JudgeAsync(string? fault)
    {
        var options = fault is null ? new SimulatedClusterOptions() : new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse(fault)] };
        await using var cluster = await SimulatedCluster.StartAsync(options);
        return await JudgeAsync(cluster);
    }

    /// <summary>The Envoy hop as live Test-MeshPath gives it: the whole trace through the SDK's live tracer.</summary>
    private static async Task<EnvoyVerdict> JudgeAsync(SimulatedCluster cluster)
    {
        var report = await LivePath.TraceAsync(cluster, Source, Destination);
        var hop = report[PathHopName.Envoy];
        var summary = report.RootCause == PathHopName.Envoy ? report.Verdict[(report.Verdict.IndexOf(": ", report.Verdict.IndexOf(" at Envoy", StringComparison.Ordinal), StringComparison.Ordinal) + 2)..] : "";
        return new EnvoyVerdict(hop.Status, hop.Evidence, summary, hop.Confirm);
    }

    /// <summary>What the tests read of the hop: its status, evidence, confirm command, and the reason the verdict quotes.</summary>
    private sealed record EnvoyVerdict(PathHopStatus Status, IReadOnlyList<string> Evidence, string Summary, string Confirm);

    private static KubernetesConnection Connect(SimulatedCluster cluster, out DirectoryInfo folder)
    {
        folder = Directory.CreateTempSubdirectory("meshops-envoy-hop");
        var kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig"));
        return KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = kubeconfig }, _ => null, home: null);
    }

    private static string PodOf(SimulatedCluster cluster, string workload) => Assert.Single(cluster.Contents.Pods, p => p.Workload == workload).Name;
}
