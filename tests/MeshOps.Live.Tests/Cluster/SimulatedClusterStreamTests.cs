using MeshOps.Clients.Kubernetes;
using MeshOps.Live.Tests.Kubernetes;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>The simulated cluster through the Kubernetes API's pod streams, as the next issues' cmdlets reach a real one.</summary>
public sealed class SimulatedClusterStreamTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-cluster");
    private SimulatedCluster _cluster = null!;
    private KubernetesConnection _connection = null!;
    private string _kubeconfig = "";

    public async Task InitializeAsync()
    {
        _cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = "MESH103-products-api-loopback" });
        _kubeconfig = _cluster.WriteKubeconfig(Path.Combine(_folder.FullName, "kubeconfig"));
        _connection = KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = _kubeconfig }, _ => null, home: null);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _cluster.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private string Pod(string workload) => Assert.Single(_cluster.Contents.Pods, p => p.Workload == workload).Name;

    [Fact]
    public async Task Exec_cat_proc_net_tcp_in_products_api_shows_its_port_bound_to_loopback()
    {
        var result = await PodExec.RunAsync(_connection.Client, "default", Pod("products-api"), "products-api", ["cat", "/proc/net/tcp"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0100007F:2382 00000000:0000 0A", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Envoy_admin_on_port_19000_of_a_pod_answers_through_a_port_forward()
    {
        using var http = new HttpClient(PodPortForward.CreateHttpHandler(_connection.Client, "default", Pod("public-api"), 19000))
        {
            BaseAddress = new Uri("http://public-api:19000/"),
        };

        var clusters = await http.GetStringAsync("clusters");

        Assert.Contains("payments.default.dc1.internal.", clusters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consul_answers_on_consul_server_0_port_8500_through_a_port_forward()
    {
        using var http = new HttpClient(PodPortForward.CreateHttpHandler(_connection.Client, "consul", "consul-server-0", 8500))
        {
            BaseAddress = new Uri("http://consul-server-0:8500/"),
        };

        var leader = await http.GetStringAsync("v1/status/leader");

        Assert.Contains(":8300", leader, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Real_kubectl_reads_the_pods_with_their_sidecar_and_execs_into_a_container()
    {
        var pods = await Kubectl.RunAsync(_kubeconfig, "get", "pods", "-n", "default", "-o",
            "jsonpath={range .items[*]}{.metadata.name} {.spec.containers[*].name}{\"\\n\"}{end}");
        var tcp = await Kubectl.RunAsync(_kubeconfig, "exec", "-n", "default", Pod("products-api"), "-c", "products-api", "--", "cat", "/proc/net/tcp");

        Assert.True(pods.ExitCode == 0, pods.Stderr);
        Assert.Contains($"{Pod("payments")} payments consul-dataplane", pods.Stdout, StringComparison.Ordinal);
        Assert.True(tcp.ExitCode == 0, tcp.Stderr);
        Assert.Contains("0100007F:2382", tcp.Stdout, StringComparison.Ordinal);
    }
}
