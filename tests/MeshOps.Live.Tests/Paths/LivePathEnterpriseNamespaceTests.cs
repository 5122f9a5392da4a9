using System.Net;
using MeshOps.Paths;
using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// Live Test-MeshPath on Consul Enterprise with namespaces mirrored from Kubernetes (prefix k8s-, so HashiCups in
/// "default" registers in Consul namespace "k8s-default"): the catalog is asked in the destination's namespace and the
/// intention check names each side as ns/name. Asked without a namespace, Consul answers for its "default" namespace,
/// where none of HashiCups is, and the hop would blame a healthy service. CE refuses the ns parameter, so it is sent
/// only on Enterprise. Envoy's upstream cluster names carry the namespace too (products-api.k8s-default.dc1.internal...).
/// </summary>
public sealed class LivePathEnterpriseNamespaceTests
{
    [Fact]
    public async Task The_catalog_is_read_in_the_destination_s_namespace_and_the_hop_passes()
    {
        await using var path = await LivePath.StartAsync(new SimulatedClusterOptions { ConsulNamespaceMirroringPrefix = "k8s-" });

        var report = await path.TraceAsync("public-api", "products-api");

        var catalog = report[PathHopName.Catalog];
        Assert.True(report.Passed, report.Verdict + "\n" + string.Join("\n", report.Hops.Select(h => $"{h.Name} {h.Status}: {string.Join(" | ", h.Evidence)}")));
        Assert.True(catalog.Status == PathHopStatus.Pass, string.Join("\n", catalog.Evidence.Append(catalog.Fix)));
        Assert.Contains(catalog.Evidence, e => e.Contains("products-api", StringComparison.Ordinal) && e.Contains("passing", StringComparison.Ordinal));
        Assert.Contains(catalog.Evidence, e => e.Contains("Allowed=true", StringComparison.Ordinal));
        Assert.Contains("-namespace=k8s-default", catalog.Confirm, StringComparison.Ordinal);
        Assert.Contains("/v1/health/connect/products-api?ns=k8s-default", catalog.Confirm, StringComparison.Ordinal);
        var envoy = report[PathHopName.Envoy];
        Assert.Contains(envoy.Evidence, e => e.Contains("products-api.k8s-default.dc1.internal.", StringComparison.Ordinal));
        Assert.Contains(path.Cluster.Consul.Requests, r => r.Path == "/v1/health/connect/products-api" && r.Query.Contains("ns=k8s-default", StringComparison.Ordinal));
        Assert.Contains(path.Cluster.Consul.Requests, r => r.Path == "/v1/connect/intentions/check" && r.Query.Contains("source=k8s-default%2Fpublic-api", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_missing_from_its_namespace_s_catalog_is_still_the_root_cause()
    {
        await using var path = await LivePath.StartAsync(new SimulatedClusterOptions
        {
            ConsulNamespaceMirroringPrefix = "k8s-",
            RuntimeFaults = [RuntimeFault.Parse("missing-from-catalog:products-api")],
        });

        var report = await path.TraceAsync("public-api", "products-api");

        Assert.Equal(PathHopName.Catalog, report.RootCause);
        Assert.Contains(report[PathHopName.Catalog].Evidence, e => e.Contains("/v1/health/connect/products-api?ns=k8s-default", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_CE_no_namespace_is_sent_which_CE_would_refuse()
    {
        await using var path = await LivePath.StartAsync();
        using var http = new HttpClient { BaseAddress = path.Cluster.ConsulAddress };

        var refused = await http.GetAsync(new Uri("v1/health/connect/products-api?ns=default", UriKind.Relative));
        var report = await path.TraceAsync("public-api", "products-api");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature", await refused.Content.ReadAsStringAsync());
        Assert.Equal(PathHopStatus.Pass, report[PathHopName.Catalog].Status);
        Assert.DoesNotContain("-namespace", report[PathHopName.Catalog].Confirm, StringComparison.Ordinal);
    }
}
