using MeshOps.Analysis;
using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>
/// The runtime rules on a live cluster: each runtime fault of the simulated HashiCups is reported by the rule that
/// covers it, on the object that shows it (a Pod or Service named as Kind/namespace/name, no file), and the healthy
/// cluster gives none of them.
/// </summary>
public sealed class RuntimeFaultRuleTests
{
    private static async Task<AnalysisReport> LiveAnalysis(string? runtimeFault)
    {
        var options = runtimeFault is null ? new SimulatedClusterOptions() : new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse(runtimeFault)] };
        await using var cluster = await SimulatedCluster.StartAsync(options);
        var folder = Directory.CreateTempSubdirectory("meshops-cluster");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);
            return MeshAnalyzer.Analyze(await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("crashloop:payments", "MESH901", "Pod/default/payments-", "CrashLoopBackOff")]
    [InlineData("sidecar-not-ready:products-api", "MESH902", "Pod/default/products-api-", "consul-dataplane not ready")]
    [InlineData("no-ready-endpoints:postgres", "MESH903", "Service/default/postgres", "none is ready")]
    public async Task A_runtime_fault_is_reported_by_its_rule_on_the_object_that_shows_it(string fault, string rule, string subject, string words)
    {
        var report = await LiveAnalysis(fault);

        var finding = Assert.Single(report.Findings, f => f.RuleId == rule);
        Assert.StartsWith(subject, finding.Resource.ToString(), StringComparison.Ordinal);
        Assert.Contains(words, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".yaml", finding.File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_healthy_cluster_gives_no_runtime_finding()
    {
        var report = await LiveAnalysis(null);

        Assert.DoesNotContain(report.Findings, f => f.RuleId.StartsWith("MESH9", StringComparison.Ordinal));
    }
}
