using MeshOps.Authoring.Compare;
using MeshOps.Clients.Kubernetes;
using MeshOps.Consul;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>
/// Get-MeshConfig's read: the cluster's consul.hashicorp.com resources as typed objects with their status, one list
/// request per kind and namespace, and nothing but those kinds (no Secret is ever asked for).
/// </summary>
public class LiveConsulConfigTests
{
    [Fact]
    public async Task Reads_typed_objects_with_the_synced_status_consul_k8s_wrote()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        using var connection = cluster.Connect();

        var read = await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions(), CancellationToken.None);

        Assert.Empty(read.Errors);
        Assert.Equal([("ServiceDefaults", "postgres"), ("ServiceIntentions", "products-api")], read.Resources.Select(r => (r.Kind, r.Name)));
        var intentions = Assert.IsType<ServiceIntentions>(read.Resources[1].Model);
        Assert.Equal("public-api", Assert.Single(intentions.Spec.Sources!).Name);
        Assert.Equal(("True", new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc)), (intentions.Status!.Synced!.Status, intentions.Status.LastSyncedTime!.Value.ToUniversalTime()));
        var defaults = Assert.IsType<ServiceDefaults>(read.Resources[0].Model);
        Assert.Equal(("False", "ConsulAgentError", "writing config entry to consul: refused"), (defaults.Status!.Synced!.Status, defaults.Status.Synced.Reason, defaults.Status.Synced.Message));
    }

    [Fact]
    public async Task Lists_only_the_asked_kinds_in_the_asked_namespace_and_never_a_secret()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        using var connection = cluster.Connect();
        cluster.Server.ClearRequests();

        var inShop = await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions { Kinds = ["ServiceDefaults"], Namespaces = ["shop"] }, CancellationToken.None);
        var everywhere = await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions { Kinds = ["ServiceDefaults"], AllNamespaces = true }, CancellationToken.None);

        Assert.Equal([("shop", "web")], inShop.Resources.Select(r => (r.Namespace, r.Name)));
        Assert.Equal([("default", "postgres"), ("shop", "web")], everywhere.Resources.Select(r => (r.Namespace, r.Name)));
        Assert.Equal(
            ["/apis/consul.hashicorp.com/v1alpha1/namespaces/shop/servicedefaults", "/apis/consul.hashicorp.com/v1alpha1/servicedefaults"],
            cluster.Server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Every_kind_is_read_with_one_request_and_no_request_reaches_another_group()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        using var connection = cluster.Connect();
        cluster.Server.ClearRequests();

        await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions { AllNamespaces = true }, CancellationToken.None);

        Assert.Equal(LiveConsulConfig.Kinds.Count, cluster.Server.Requests.Count);
        Assert.All(cluster.Server.Requests, r => Assert.StartsWith("/apis/consul.hashicorp.com/", r.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_before_any_request()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        using var connection = cluster.Connect();
        cluster.Server.ClearRequests();

        await Assert.ThrowsAsync<ArgumentException>(() => LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions { Kinds = ["Secret"] }, CancellationToken.None));
        Assert.Empty(cluster.Server.Requests);
    }

    [Fact]
    public async Task An_unreachable_cluster_throws_naming_context_and_server()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        var kubeconfig = cluster.WriteKubeconfig();
        var closed = ClosedPort();
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace($":{cluster.Server.BaseAddress.Port}", $":{closed}", StringComparison.Ordinal));
        using var connection = KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = kubeconfig, Timeouts = LiveCluster.FastTimeouts }, _ => null, home: null);

        var error = await Assert.ThrowsAsync<KubernetesRequestException>(() => LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions(), CancellationToken.None));

        Assert.Contains("context 'simulated'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closed}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cluster.Server.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_was_read_compares_with_the_files_it_was_applied_from()
    {
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null)));
        using var connection = cluster.Connect();
        var files = Sources.Files.ManifestLoader.LoadPaths([HashiCupsObjects.Healthy]).Resources;

        var live = await LiveConsulConfig.ReadAsync(connection, new LiveConsulConfigOptions(), CancellationToken.None);
        var comparisons = ConfigComparer.Compare(files, live.Resources, new ConfigCompareOptions { IncludeUnmatched = true });

        Assert.NotEmpty(comparisons);
        Assert.All(comparisons, c => Assert.Equal(ComparisonState.Equal, c.State));
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void Seed(MeshOps.Simulation.Kubernetes.ObjectStore store)
    {
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}"""));
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"data":{"password":"aHVudGVyMg=="}}"""));
        store.Put(HashiCupsObjects.Json("""
            {"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceIntentions","metadata":{"name":"products-api","namespace":"default"},
             "spec":{"destination":{"name":"products-api"},"sources":[{"name":"public-api","action":"allow"}]},
             "status":{"conditions":[{"type":"Synced","status":"True","lastTransitionTime":"2026-01-05T09:00:00Z"}],"lastSyncedTime":"2026-01-05T09:00:00Z"}}
            """));
        store.Put(HashiCupsObjects.Json("""
            {"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"postgres","namespace":"default"},"spec":{"protocol":"tcp"},
             "status":{"conditions":[{"type":"Synced","status":"False","reason":"ConsulAgentError","message":"writing config entry to consul: refused"}]}}
            """));
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"web","namespace":"shop"},"spec":{"protocol":"http"}}"""));
    }
}
