using k8s;
using k8s.Autorest;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>A cluster without the consul-k8s CRDs, and RBAC refusing a verb: each test starts its own server to shape.</summary>
public sealed class ClusterShapeTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("meshops-kube-shape");
    private readonly ObjectStore _store = new();
    private SimulatedKubernetesServer _server = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        KubernetesServerFixture.Seed(_store);
        _server = await SimulatedKubernetesServer.StartAsync(_store, new PodNetwork(), new PodFiles());
        _kubeconfig = _server.WriteKubeconfig(Path.Combine(_folder.FullName, "kubeconfig"), "shape", "shop");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task An_uninstalled_crd_group_leaves_discovery_and_its_requests_are_404()
    {
        _server.Apis.Remove("consul.hashicorp.com");
        using var client = RawApi.Client(_server);

        var (_, groups) = await RawApi.GetAsync(client, "apis");
        var (status, body) = await RawApi.GetAsync(client, "apis/consul.hashicorp.com/v1alpha1/namespaces/shop/servicedefaults");
        var (groupStatus, _) = await RawApi.GetAsync(client, "apis/consul.hashicorp.com/v1alpha1");

        Assert.DoesNotContain("consul.hashicorp.com", groups["groups"]!.AsArray().Select(g => (string)g!["name"]!));
        Assert.Equal(404, status);
        Assert.Equal("the server could not find the requested resource", (string?)body["message"]);
        Assert.Equal(404, groupStatus);
    }

    [Fact]
    public async Task A_forbidden_verb_is_a_403_worded_as_rbac_in_that_namespace_only()
    {
        _server.Access.Forbid("list", string.Empty, "pods", "shop");
        using var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(_kubeconfig));

        var failure = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync("shop"));
        var elsewhere = await client.CoreV1.ListNamespacedPodAsync("other");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, failure.Response.StatusCode);
        var status = KubernetesJson.Deserialize<k8s.Models.V1Status>(failure.Response.Content);
        Assert.Equal("Forbidden", status.Reason);
        Assert.Equal("pods is forbidden: User \"system:serviceaccount:default:meshops-simulated\" cannot list resource \"pods\" in API group \"\" in the namespace \"shop\"", status.Message);
        Assert.Single(elsewhere.Items);
    }

    [KubectlFact]
    public async Task Kubectl_reports_a_forbidden_cluster_wide_list_as_rbac_does()
    {
        _server.Access.Forbid("list", "apps", "deployments");

        var result = await Kubectl.RunAsync(_kubeconfig, "get", "deployments", "-A");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (Forbidden): deployments.apps is forbidden: User \"system:serviceaccount:default:meshops-simulated\" cannot list resource \"deployments\" in API group \"apps\" at the cluster scope", result.Stderr, StringComparison.Ordinal);
    }
}
