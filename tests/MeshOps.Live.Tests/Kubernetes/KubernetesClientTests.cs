using k8s;
using k8s.Autorest;
using k8s.Models;

namespace MeshOps.Live.Tests.Kubernetes;

/// <summary>KubernetesClient 21, configured from the kubeconfig the server writes (TLS verified against its CA).</summary>
public sealed class KubernetesClientTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    private IKubernetes Client() => new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(fixture.Kubeconfig));

    [Fact]
    public async Task Lists_pods_in_a_namespace_as_typed_objects()
    {
        using var client = (k8s.Kubernetes)Client();

        var pods = await client.CoreV1.ListNamespacedPodAsync("shop");

        Assert.Equal(["api-1", "web-1", "web-2"], pods.Items.Select(p => p.Metadata.Name));
        var web = pods.Items.Single(p => p.Metadata.Name == "web-1");
        Assert.Equal("Running", web.Status.Phase);
        Assert.Equal(8080, web.Spec.Containers.Single().Ports.Single().ContainerPort);
        Assert.Equal("front", web.Metadata.Labels["tier"]);
        Assert.False(string.IsNullOrEmpty(pods.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Lists_across_all_namespaces_and_filters_by_label_and_field_selectors()
    {
        using var client = (k8s.Kubernetes)Client();

        var all = await client.CoreV1.ListPodForAllNamespacesAsync();
        var running = await client.CoreV1.ListNamespacedPodAsync("shop", fieldSelector: "status.phase=Running");
        var onNodeA = await client.CoreV1.ListNamespacedPodAsync("shop", fieldSelector: "spec.nodeName=node-a,metadata.name!=api-1");
        var webs = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app=web");

        Assert.Equal(["other/web-1", "shop/api-1", "shop/web-1", "shop/web-2"], all.Items.Select(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}"));
        Assert.Equal(["api-1", "web-1"], running.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["web-1"], onNodeA.Items.Select(p => p.Metadata.Name));
        Assert.Equal(["other/web-1", "shop/web-1", "shop/web-2"], webs.Items.Select(p => $"{p.Metadata.NamespaceProperty}/{p.Metadata.Name}"));
    }

    [Fact]
    public async Task A_typed_object_created_through_the_client_reads_back_equal()
    {
        using var client = (k8s.Kubernetes)Client();
        var map = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Data = new Dictionary<string, string> { ["mode"] = "strict", ["retries"] = "3" },
        };

        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(map, "shop");
        var read = await client.CoreV1.ReadNamespacedConfigMapAsync("settings", "shop");

        Assert.Equal(created.Metadata.Uid, read.Metadata.Uid);
        Assert.Equal(map.Data, read.Data);
        Assert.Equal(map.Metadata.Labels, read.Metadata.Labels);
        Assert.Equal("shop", read.Metadata.NamespaceProperty);
        Assert.Equal(created.Metadata.ResourceVersion, read.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Reads_a_deployment_and_a_consul_custom_resource()
    {
        using var client = (k8s.Kubernetes)Client();

        var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync("web", "shop");
        var defaults = await client.CustomObjects.ListNamespacedCustomObjectAsync<CustomResourceList>("consul.hashicorp.com", "v1alpha1", "shop", "servicedefaults");

        Assert.Equal(2, deployment.Spec.Replicas);
        Assert.Equal("ServiceDefaults", Assert.Single(defaults.Items).Kind);
    }

    [Fact]
    public async Task A_missing_object_is_a_404_with_a_not_found_status()
    {
        using var client = (k8s.Kubernetes)Client();

        var failure = await Assert.ThrowsAsync<HttpOperationException>(() => client.AppsV1.ReadNamespacedDeploymentAsync("nope", "shop"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, failure.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(failure.Response.Content);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("deployments.apps \"nope\" not found", status.Message);
        Assert.Equal("nope", status.Details.Name);
        Assert.Equal("apps", status.Details.Group);
        Assert.Equal("deployments", status.Details.Kind);
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list()
    {
        using var client = (k8s.Kubernetes)Client();

        var first = await client.CoreV1.ListNamespacedPodAsync("shop", limit: 2);
        var second = await client.CoreV1.ListNamespacedPodAsync("shop", limit: 2, continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(["api-1", "web-1"], first.Items.Select(p => p.Metadata.Name));
        Assert.Equal(1, first.Metadata.RemainingItemCount);
        Assert.Equal(["web-2"], second.Items.Select(p => p.Metadata.Name));
        Assert.Null(second.Metadata.ContinueProperty);
    }

    public sealed class CustomResourceList
    {
        public List<CustomResource> Items { get; set; } = [];
    }

    public sealed class CustomResource
    {
        public string? Kind { get; set; }
    }
}
