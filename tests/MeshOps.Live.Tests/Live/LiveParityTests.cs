using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>One model, two sources: HashiCups applied to a cluster gives the rule IDs its files give.</summary>
public class LiveParityTests
{
    public static TheoryData<string?> Sets()
    {
        var data = new TheoryData<string?> { (string?)null };
        foreach (var fault in HashiCupsObjects.Faults.Where(f => SeededInCluster.Contains(f[..7])))
        {
            data.Add(fault);
        }

        return data;
    }

    /// <summary>
    /// Faults a cluster can hold as written. Left out: MESH207 (two copies of one object: a cluster keeps one),
    /// MESH503 (a selector that does not match its template: the API server refuses the Deployment) and MESH402 (its
    /// folder's Helm values turn ACLs on, which a store of objects cannot hold: without them the same objects give a
    /// Warning that ACLs are not known, so the two sides would agree on the ID by chance, not on the finding).
    /// </summary>
    private static readonly HashSet<string> SeededInCluster =
        ["MESH101", "MESH102", "MESH104", "MESH105", "MESH106", "MESH108", "MESH109", "MESH201", "MESH203", "MESH206", "MESH301", "MESH303", "MESH401", "MESH501", "MESH504", "MESH601"];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Live_analysis_reports_the_rule_ids_the_files_give(string? fault)
    {
        var files = HashiCupsObjects.Files(fault);
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, files));
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
        var fromCluster = MeshAnalyzer.Analyze(live);
        var fromFiles = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(files));

        Assert.Empty(live.Errors);
        Assert.Equal(RuleIds(fromFiles), RuleIds(fromCluster));
        if (fault is not null)
        {
            Assert.Contains(fault[..7], RuleIds(fromCluster));
        }
    }

    [Fact]
    public async Task A_live_finding_names_the_object_and_its_resource_version_not_a_file()
    {
        var files = HashiCupsObjects.Files("MESH101-payments-targetport");
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, files));
        using var connection = cluster.Connect("default");

        var report = MeshAnalyzer.Analyze(await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        var finding = Assert.Single(report.Findings, f => f.RuleId == "MESH101");
        var version = cluster.Store.Get("", "Service", "default", "payments")!["metadata"]!["resourceVersion"]!.GetValue<string>();
        Assert.Equal($"Service/default/payments (resourceVersion {version})", finding.Location.ToString());
        Assert.Equal(0, finding.Line);
        Assert.StartsWith($"Service/default/payments (resourceVersion {version}): error MESH101", finding.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".yaml", finding.ToString(), StringComparison.Ordinal);
        Assert.Contains("-n default", finding.Confirm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_object_carries_where_it_was_read_from()
    {
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null)));
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);

        var deployment = Assert.Single(live.Resources, r => r.Kind == "Deployment" && r.Name == "public-api");
        var origin = Assert.IsType<ObjectOrigin>(deployment.Origin);
        Assert.Equal(("simulated", "Deployment", "default", "public-api"), (origin.Source, origin.Kind, origin.Namespace, origin.Name));
        Assert.False(string.IsNullOrEmpty(origin.ResourceVersion));
        Assert.IsType<k8s.Models.V1Deployment>(deployment.Model);
        Assert.Equal("apps/v1", deployment.ApiVersion);
        Assert.Contains(live.Resources, r => r.Model is MeshOps.Consul.ServiceIntentions);
    }

    private static List<string> RuleIds(AnalysisReport report) => [.. report.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)];
}
