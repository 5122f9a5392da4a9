using System.Text;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Simulation.Pods;

namespace MeshOps.Live.Tests.Kubernetes;

public sealed class ApiServerTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    [Theory]
    [InlineData("app=web", "web-1,web-2")]
    [InlineData("app==web", "web-1,web-2")]
    [InlineData("app!=web", "api-1")]
    [InlineData("app in (web, api)", "api-1,web-1,web-2")]
    [InlineData("app notin (web)", "api-1")]
    [InlineData("tier", "api-1,web-1,web-2")]
    [InlineData("!tier", "")]
    [InlineData("app=web,tier=front", "web-1,web-2")]
    [InlineData("app=web,tier=back", "")]
    public async Task Label_selectors_filter_as_kube_apiserver_does(string selector, string expected)
    {
        using var client = RawApi.Client(fixture.Server);

        var (status, list) = await RawApi.GetAsync(client, $"api/v1/namespaces/shop/pods?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(200, status);
        Assert.Equal(expected, string.Join(",", RawApi.Names(list)));
    }

    [Theory]
    [InlineData("tier!=front", "other/web-1,shop/api-1")]
    [InlineData("tier notin (back)", "other/web-1,shop/web-1,shop/web-2")]
    [InlineData("!tier", "other/web-1")]
    public async Task Inequality_and_notin_match_objects_without_the_label(string selector, string expected)
    {
        using var client = RawApi.Client(fixture.Server);

        var (_, list) = await RawApi.GetAsync(client, $"api/v1/pods?labelSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, string.Join(",", list["items"]!.AsArray().Select(i => $"{i!["metadata"]!["namespace"]}/{i["metadata"]!["name"]}")));
    }

    [Theory]
    [InlineData("metadata.name=web-2", "web-2")]
    [InlineData("metadata.namespace=shop", "api-1,web-1,web-2")]
    [InlineData("status.phase!=Running", "web-2")]
    [InlineData("spec.nodeName=node-a", "api-1,web-1")]
    public async Task Pod_field_selectors_filter(string selector, string expected)
    {
        using var client = RawApi.Client(fixture.Server);

        var (_, list) = await RawApi.GetAsync(client, $"api/v1/namespaces/shop/pods?fieldSelector={Uri.EscapeDataString(selector)}");

        Assert.Equal(expected, string.Join(",", RawApi.Names(list)));
    }

    [Theory]
    [InlineData("labelSelector=app%20in%20(web", "unable to parse requirement")]
    [InlineData("labelSelector=Bad%20Key!", "unable to parse requirement")]
    [InlineData("fieldSelector=spec.restartPolicy%3DAlways", "field label not supported: spec.restartPolicy")]
    public async Task A_bad_selector_is_a_400_bad_request_status(string query, string message)
    {
        using var client = RawApi.Client(fixture.Server);

        var (status, body) = await RawApi.GetAsync(client, $"api/v1/namespaces/shop/pods?{query}");

        Assert.Equal(400, status);
        Assert.Equal("Status", (string?)body["kind"]);
        Assert.Equal("BadRequest", (string?)body["reason"]);
        Assert.StartsWith(message, (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_is_refused_plainly_rather_than_answered_with_a_list()
    {
        using var client = RawApi.Client(fixture.Server);

        var (status, body) = await RawApi.GetAsync(client, "api/v1/namespaces/shop/pods?watch=true");

        Assert.Equal(400, status);
        Assert.Equal("watch is not served by the simulated API server; list instead", (string?)body["message"]);
    }

    [Fact]
    public async Task A_list_is_a_kind_list_whose_built_in_items_drop_kind_and_custom_items_keep_it()
    {
        using var client = RawApi.Client(fixture.Server);

        var (_, deployments) = await RawApi.GetAsync(client, "apis/apps/v1/namespaces/shop/deployments");
        var (_, defaults) = await RawApi.GetAsync(client, "apis/consul.hashicorp.com/v1alpha1/servicedefaults");

        Assert.Equal("DeploymentList", (string?)deployments["kind"]);
        Assert.Equal("apps/v1", (string?)deployments["apiVersion"]);
        Assert.Equal(fixture.Store.ResourceVersion, (string?)deployments["metadata"]!["resourceVersion"]);
        Assert.Null(deployments["items"]![0]!["kind"]);
        Assert.Equal("ServiceDefaultsList", (string?)defaults["kind"]);
        Assert.Equal("ServiceDefaults", (string?)defaults["items"]![0]!["kind"]);
    }

    [Fact]
    public async Task Discovery_names_every_kind_the_live_snapshot_reads()
    {
        using var client = RawApi.Client(fixture.Server);

        var (_, core) = await RawApi.GetAsync(client, "api/v1");
        var (_, groups) = await RawApi.GetAsync(client, "apis");
        var (_, apps) = await RawApi.GetAsync(client, "apis/apps/v1");

        var coreNames = core["resources"]!.AsArray().Select(r => (string)r!["name"]!).ToList();
        Assert.Equal("APIResourceList", (string?)core["kind"]);
        Assert.Subset(coreNames.ToHashSet(), new HashSet<string> { "pods", "pods/exec", "pods/portforward", "services", "endpoints", "serviceaccounts", "configmaps", "namespaces" });
        Assert.Equal(["apps", "consul.hashicorp.com", "discovery.k8s.io", "networking.k8s.io"], groups["groups"]!.AsArray().Select(g => (string)g!["name"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["daemonsets", "deployments", "replicasets", "statefulsets"], apps["resources"]!.AsArray().Select(r => (string)r!["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_the_token_every_path_is_401_with_an_unauthorized_status()
    {
        using var client = RawApi.Client(fixture.Server, token: "wrong");

        var (status, body) = await RawApi.GetAsync(client, "api/v1/namespaces/shop/pods");
        var (versionStatus, _) = await RawApi.GetAsync(client, "version");

        Assert.Equal(401, status);
        Assert.Equal("Unauthorized", (string?)body["reason"]);
        Assert.Equal(401, versionStatus);
    }

    [Fact]
    public async Task An_unknown_resource_and_a_missing_object_are_404_statuses()
    {
        using var client = RawApi.Client(fixture.Server);

        var (unknownStatus, unknown) = await RawApi.GetAsync(client, "api/v1/namespaces/shop/widgets");
        var (missingStatus, missing) = await RawApi.GetAsync(client, "api/v1/namespaces/shop/pods/nope");

        Assert.Equal(404, unknownStatus);
        Assert.Equal("the server could not find the requested resource", (string?)unknown["message"]);
        Assert.Equal(404, missingStatus);
        Assert.Equal("pods \"nope\" not found", (string?)missing["message"]);
        Assert.Equal("pods", (string?)missing["details"]!["kind"]);
    }

    [Fact]
    public async Task Requests_are_recorded_with_method_path_and_query_until_cleared()
    {
        await using var server = await SimulatedKubernetesServer.StartAsync(fixture.Store, new PodNetwork(), new PodFiles());
        using var client = RawApi.Client(server);

        await RawApi.GetAsync(client, "api/v1/namespaces/shop/pods?labelSelector=app%3Dweb");
        await RawApi.GetAsync(client, "apis/apps/v1/deployments");

        Assert.Equal(
            [new RecordedRequest("GET", "/api/v1/namespaces/shop/pods", "labelSelector=app%3Dweb"), new RecordedRequest("GET", "/apis/apps/v1/deployments", string.Empty)],
            server.Requests);
        server.ClearRequests();
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void The_kubeconfig_names_the_server_its_ca_the_token_and_the_namespace()
    {
        var path = fixture.Server.WriteKubeconfig(Path.Combine(fixture.Folder, "named", "config"), "sim-ctx", "payments");

        var text = File.ReadAllText(path);
        var caData = Convert.ToBase64String(Encoding.ASCII.GetBytes(fixture.Server.CertificateAuthorityPem));
        Assert.Contains($"server: https://127.0.0.1:{fixture.Server.BaseAddress.Port}\n", text, StringComparison.Ordinal);
        Assert.Contains($"certificate-authority-data: {caData}\n", text, StringComparison.Ordinal);
        Assert.Contains($"token: {fixture.Server.Token}\n", text, StringComparison.Ordinal);
        Assert.Contains("namespace: payments\n", text, StringComparison.Ordinal);
        Assert.Contains("current-context: sim-ctx\n", text, StringComparison.Ordinal);
        var config = k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile(path);
        Assert.Equal("payments", config.Namespace);
    }
}
