using System.Text.Json.Nodes;
using MeshOps.Paths;
using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Faults;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// Live Test-MeshPath's Catalog hop on the simulated cluster: Consul's catalog and intention check, read through the
/// port-forward to the Consul server pod, decide it; a Consul that cannot be read leaves it Unknown, never Pass.
/// </summary>
public sealed class LivePathCatalogTests
{
    [Fact]
    public async Task On_the_healthy_cluster_the_catalog_hop_passes_with_what_Consul_answered()
    {
        await using var path = await LivePath.StartAsync();

        var report = await path.TraceAsync("public-api", "products-api");

        var catalog = report[PathHopName.Catalog];
        Assert.Equal(PathHopStatus.Pass, catalog.Status);
        Assert.Contains(catalog.Evidence, e => e.Contains("products-api", StringComparison.Ordinal) && e.Contains("passing", StringComparison.Ordinal));
        Assert.Contains(catalog.Evidence, e => e.Contains("Allowed=true", StringComparison.Ordinal));
        Assert.Equal(9090, report.Port);
    }

    [Fact]
    public async Task A_service_missing_from_the_catalog_is_the_root_cause()
    {
        await using var path = await LivePath.StartAsync("missing-from-catalog:products-api");

        var report = await path.TraceAsync("public-api", "products-api");

        Assert.Equal(PathHopName.Catalog, report.RootCause);
        Assert.False(report.Passed);
        Assert.Contains("fails at Catalog", report.Verdict, StringComparison.Ordinal);
        Assert.All(report.Hops.Where(h => h.Name < PathHopName.Catalog), h => Assert.NotEqual(PathHopStatus.Fail, h.Status));
    }

    [Fact]
    public async Task An_empty_catalog_answer_to_a_token_Consul_refuses_elsewhere_is_Unknown_not_the_root_cause()
    {
        // Consul filters what a token may not read out of /v1/health/connect (200, []) but refuses its intention check (403).
        await using var path = await LivePath.StartAsync("missing-from-catalog:products-api");
        path.Cluster.Consul.DenyPermission("/v1/connect/intentions/check", "service:read", "products-api");

        var report = await path.TraceAsync("public-api", "products-api");

        var catalog = report[PathHopName.Catalog];
        Assert.Equal(PathHopStatus.Unknown, catalog.Status);
        Assert.Contains(catalog.Evidence, e => e.Contains("hides from a token", StringComparison.Ordinal));
        Assert.Contains("service:read on products-api", catalog.Fix, StringComparison.Ordinal);
        Assert.NotEqual(PathHopName.Catalog, report.RootCause);
    }

    [Fact]
    public async Task Instances_whose_checks_fail_are_no_route_for_Envoy()
    {
        await using var path = await LivePath.StartAsync();
        path.Cluster.Consul.State.SetHealth("products-api", ConsulCheckStatus.Critical);

        var report = await path.TraceAsync("public-api", "products-api");

        Assert.Equal(PathHopStatus.Fail, report[PathHopName.Catalog].Status);
        Assert.Contains("passes its health checks", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consul_unreachable_leaves_the_catalog_Unknown_not_Pass()
    {
        await using var path = await LivePath.StartAsync();
        path.Cluster.Consul.Faults.Add(new Fault(FaultKind.DropConnection));

        var report = await path.TraceAsync("public-api", "products-api");

        var catalog = report[PathHopName.Catalog];
        Assert.Equal(PathHopStatus.Unknown, catalog.Status);
        Assert.Contains(catalog.Evidence, e => e.Contains("Consul could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Hops, h => h.Name == PathHopName.Catalog && h.Status == PathHopStatus.Pass);
    }

    [Fact]
    public async Task Consul_denying_what_the_cluster_intentions_allow_fails_the_catalog_hop()
    {
        await using var path = await LivePath.StartAsync();
        // An intention written into Consul outside Kubernetes (consul intention create -deny): the CRDs still allow.
        path.Cluster.Consul.State.PutConfigEntry(JsonNode.Parse("""
            {"Kind":"service-intentions","Name":"products-api","Sources":[{"Name":"public-api","Action":"deny","Precedence":9,"Type":"consul"}]}
            """)!.AsObject());

        var report = await path.TraceAsync("public-api", "products-api");

        Assert.Equal(PathHopStatus.Pass, report[PathHopName.Intention].Status);
        var catalog = report[PathHopName.Catalog];
        Assert.Equal(PathHopStatus.Fail, catalog.Status);
        Assert.Contains(catalog.Evidence, e => e.Contains("Allowed=false", StringComparison.Ordinal));
        Assert.Contains("Consul denies public-api -> products-api", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pod_name_as_the_source_traces_its_service()
    {
        await using var path = await LivePath.StartAsync();
        var pod = path.Cluster.Store.List("", "Pod", "default").Select(p => p["metadata"]!["name"]!.GetValue<string>()).First(n => n.StartsWith("public-api-", StringComparison.Ordinal));

        var report = await path.TraceAsync(pod, "products-api");

        Assert.Equal("public-api.default", report.From);
        Assert.Equal(PathHopStatus.Pass, report[PathHopName.SourceWorkload].Status);
        Assert.Equal(9090, report.Port);
    }
}
