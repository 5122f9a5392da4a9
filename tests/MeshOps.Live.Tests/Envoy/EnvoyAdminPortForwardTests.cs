using System.Text.Json.Nodes;
using MeshOps.Clients;
using MeshOps.Clients.Kubernetes;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Server;
using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Envoy;

/// <summary>The simulated HashiCups cluster, products-api's sidecar not ready, and a connection through its kubeconfig.</summary>
public sealed class EnvoyClusterFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-envoy");

    public SimulatedCluster Cluster { get; private set; } = null!;

    public KubernetesConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [new RuntimeFault(RuntimeFaultKind.SidecarNotReady, "products-api")] });
        var kubeconfig = Cluster.WriteKubeconfig(Path.Combine(_folder.FullName, "kubeconfig"));
        Connection = KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = kubeconfig }, _ => null, home: null);
    }

    public async Task DisposeAsync()
    {
        Connection.Dispose();
        await Cluster.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    public string Pod(string workload) => Assert.Single(Cluster.Contents.Pods, p => p.Workload == workload).Name;
}

/// <summary>Sidecars reached as the cmdlets reach them: the pods of a Service, then each admin through the API server's port-forward.</summary>
public sealed class EnvoyAdminPortForwardTests(EnvoyClusterFixture fixture) : IClassFixture<EnvoyClusterFixture>
{
    private static readonly EnvoyAdminOptions Fast = new()
    {
        Timeouts = ClientTimeouts.Default with { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetries = 1 },
    };

    [Fact]
    public async Task The_pods_of_a_service_answer_server_info_through_a_port_forward_each_tagged_with_its_pod()
    {
        var pods = await EnvoyAdminTargets.PodsOfServiceAsync(fixture.Connection, "default", "frontend");

        var pod = Assert.Single(pods);
        Assert.Equal(fixture.Pod("frontend"), pod);
        await using var admin = EnvoyAdminClient.ForPod(fixture.Connection, "default", pod, options: Fast);
        var info = EnvoyServerInfoParser.Parse(admin.Source, (await admin.GetAsync("/server_info")).Body.Span);
        Assert.Equal(pod, info.Pod);
        Assert.Equal("default", info.Source.Namespace);
        Assert.Equal("frontend", info.NodeCluster);
        Assert.Equal(EnvoyServerState.Live, info.State);
    }

    [Fact]
    public async Task A_sidecar_that_is_not_ready_reports_INITIALIZING_and_is_not_ready()
    {
        await using var admin = EnvoyAdminClient.ForPod(fixture.Connection, "default", fixture.Pod("products-api"), options: Fast);

        var readiness = EnvoyReadiness.From(EnvoyServerInfoParser.Parse(admin.Source, (await admin.GetAsync("/server_info")).Body.Span));

        Assert.False(readiness.Ready);
        Assert.Equal(EnvoyServerState.Initializing, readiness.State);
        Assert.Contains("xDS", readiness.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_cut_short_inside_the_pod_is_an_error_naming_the_pod_and_the_path()
    {
        var pod = fixture.Pod("payments");
        var sidecar = Assert.Single(fixture.Cluster.Sidecars, s => s.Data.Pod == pod);
        sidecar.Faults.Add(new Fault(FaultKind.TruncatedBody, "/server_info"));
        try
        {
            await using var admin = EnvoyAdminClient.ForPod(fixture.Connection, "default", pod, options: Fast);

            var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/server_info"));

            Assert.Equal(EndpointFailure.Truncated, error.Failure);
            Assert.Contains($"pod default/{pod} port 19000", error.Message, StringComparison.Ordinal);
            Assert.Contains("/server_info", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            sidecar.Faults.Clear();
        }
    }

    [Fact]
    public async Task A_port_nothing_listens_on_is_an_error_naming_the_pod_and_the_port()
    {
        var pod = fixture.Pod("payments");
        await using var admin = EnvoyAdminClient.ForPod(fixture.Connection, "default", pod, adminPort: 19001, options: Fast);

        var error = await Assert.ThrowsAsync<EndpointException>(() => admin.GetAsync("/server_info"));

        Assert.Contains($"pod default/{pod} port 19001", error.Message, StringComparison.Ordinal);
        Assert.Contains("/server_info", error.Message, StringComparison.Ordinal);
        Assert.Contains("-AdminPort", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_service_or_pod_is_said_before_any_port_forward()
    {
        var service = await Assert.ThrowsAsync<EnvoyTargetException>(() => EnvoyAdminTargets.PodsOfServiceAsync(fixture.Connection, "default", "no-such-service"));
        var pod = await Assert.ThrowsAsync<EnvoyTargetException>(() => EnvoyAdminTargets.EnsurePodRunningAsync(fixture.Connection, "default", "no-such-pod"));

        Assert.Equal(EnvoyTargetProblem.ServiceNotFound, service.Problem);
        Assert.Contains("default/no-such-service", service.Message, StringComparison.Ordinal);
        Assert.Equal(EnvoyTargetProblem.PodNotFound, pod.Problem);
        Assert.Contains("default/no-such-pod", pod.Message, StringComparison.Ordinal);
        await EnvoyAdminTargets.EnsurePodRunningAsync(fixture.Connection, "default", fixture.Pod("payments"));
    }

    [Fact]
    public async Task A_service_whose_selector_matches_no_running_pod_has_no_sidecar_to_ask()
    {
        fixture.Cluster.Store.Put((JsonObject)JsonNode.Parse("""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"orphan","namespace":"default"},
             "spec":{"selector":{"app":"nothing-runs-this"},"ports":[{"port":80}]}}
            """)!);

        var error = await Assert.ThrowsAsync<EnvoyTargetException>(() => EnvoyAdminTargets.PodsOfServiceAsync(fixture.Connection, "default", "orphan"));

        Assert.Equal(EnvoyTargetProblem.ServiceHasNoPods, error.Problem);
        Assert.Contains("app=nothing-runs-this", error.Message, StringComparison.Ordinal);
    }
}
