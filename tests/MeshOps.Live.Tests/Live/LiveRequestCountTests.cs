using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>A snapshot costs one list per kind per namespace, whatever the number of objects: never a request per object.</summary>
public class LiveRequestCountTests
{
    [Fact]
    public async Task One_list_per_kind_per_namespace_and_none_per_object()
    {
        await using var cluster = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null));
            store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"shop"}}"""));
            for (var i = 0; i < 30; i++)
            {
                store.Put(HashiCupsObjects.Json($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"extra-{{{i}}}","namespace":"shop"},"data":{"k":"v"}}"""));
            }
        });
        using var connection = cluster.Connect();
        cluster.Server.ClearRequests();

        var live = await LiveSnapshot.ReadAsync(connection, new LiveSnapshotOptions { Namespaces = ["default", "shop"] }, CancellationToken.None);

        var requests = cluster.Server.Requests;
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        var perNamespace = LiveKinds.Namespaced.Count;
        Assert.Equal(perNamespace, requests.Count(r => r.Path.StartsWith("/api/v1/namespaces/default/", StringComparison.Ordinal) || r.Path.StartsWith("/apis/", StringComparison.Ordinal) && r.Path.Contains("/namespaces/default/", StringComparison.Ordinal)));
        Assert.Equal(perNamespace, requests.Count(r => r.Path.Contains("/namespaces/shop/", StringComparison.Ordinal)));

        string[] expected =
        [
            "/api/v1/namespaces/shop/configmaps", "/api/v1/namespaces/shop/endpoints", "/api/v1/namespaces/shop/pods",
            "/api/v1/namespaces/shop/serviceaccounts", "/api/v1/namespaces/shop/services",
            "/apis/apps/v1/namespaces/shop/daemonsets", "/apis/apps/v1/namespaces/shop/deployments", "/apis/apps/v1/namespaces/shop/replicasets",
            "/apis/apps/v1/namespaces/shop/statefulsets", "/apis/discovery.k8s.io/v1/namespaces/shop/endpointslices",
            "/apis/networking.k8s.io/v1/namespaces/shop/networkpolicies",
            .. new[] { "exportedservices", "ingressgateways", "servicedefaults", "serviceintentions", "serviceresolvers", "servicerouters", "servicesplitters", "terminatinggateways" }
                .Select(p => $"/apis/consul.hashicorp.com/v1alpha1/namespaces/shop/{p}"),
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), requests.Where(r => r.Path.Contains("/namespaces/shop/", StringComparison.Ordinal)).Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Contains(requests, r => r.Path == "/apis/consul.hashicorp.com/v1alpha1/meshes");
        Assert.Contains(requests, r => r.Path == "/apis/consul.hashicorp.com/v1alpha1/proxydefaults");

        // Each request is distinct: no kind listed twice in a namespace.
        Assert.Equal(requests.Count, requests.Select(r => (r.Path, r.Query)).Distinct().Count());

        // Mesh-wide kinds and the injector once across namespaces; each asked namespace fetched by name. Nothing else.
        var total = (2 * perNamespace) + LiveKinds.MeshWide.Count + 1 + 2;
        Assert.Equal(total, requests.Count);
        Assert.Contains(requests, r => r.Path == "/apis/apps/v1/deployments" && r.Query.Contains("labelSelector=app%3Dconsul%2Ccomponent%3Dconnect-injector", StringComparison.Ordinal));
        Assert.Contains(requests, r => r.Path == "/api/v1/namespaces/shop");
        Assert.Equal(30, live.Resources.Count(r => r.Kind == "ConfigMap" && r.Namespace == "shop"));
    }

    [Fact]
    public async Task All_namespaces_lists_each_kind_once_across_the_cluster()
    {
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null)));
        using var connection = cluster.Connect();
        cluster.Server.ClearRequests();

        var live = await LiveSnapshot.ReadAsync(connection, new LiveSnapshotOptions { AllNamespaces = true }, CancellationToken.None);

        var requests = cluster.Server.Requests;
        Assert.DoesNotContain(requests, r => r.Path.Contains("/namespaces/", StringComparison.Ordinal));
        Assert.Equal(LiveKinds.Namespaced.Count + LiveKinds.MeshWide.Count + 1 + 1, requests.Count);
        Assert.Contains(requests, r => r.Path == "/api/v1/namespaces" || r.Path == "/api/v1/namespaces/");
        Assert.Contains(live.Resources, r => r.Kind == "Namespace" && r.Name == "default");
    }
}
