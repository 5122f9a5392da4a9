using MeshOps.Analysis;
using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>
/// The whole simulated cluster (pods with sidecars, ReplicaSets, endpoints, the consul namespace, the connect-injector's
/// flags, the kubernetes Service), read live through the SDK: the rule IDs are those the same files give.
/// </summary>
public sealed class SimulatedClusterParityTests
{
    /// <summary>
    /// Faults that break a pod only with Consul's ACLs on, which their folders' Helm values turn on: the simulated
    /// release runs with them off (its injector has no -acl-auth-method), where the same objects are harmless.
    /// </summary>
    private static readonly string[] NeedsAcls = ["MESH402"];

    /// <summary>
    /// Seeded faults a cluster cannot hold as the files write them: MESH207 is two copies of one object (the webhook
    /// refuses the second, the cluster keeps the first); MESH503 is a Deployment whose selector does not match its
    /// template, which the API server refuses; MESH208 is an intention naming a Consul namespace on CE, which the
    /// webhook refuses (and its folder carries Helm values, no object to apply). The MESH9xx folders are status dumps (what kubelets and controllers
    /// write, not what anyone applies); the simulator's runtime faults stand for them (RuntimeFaultRuleTests, Pester).
    /// </summary>
    private static readonly HashSet<string> NotInACluster = ["MESH207", "MESH208", "MESH503", "MESH901", "MESH902", "MESH903", .. NeedsAcls];

    public static TheoryData<string> Sets()
    {
        var data = new TheoryData<string> { "healthy" };
        foreach (var fault in HashiCupsManifests.SeededFaults().Where(f => !NotInACluster.Contains(f[..7])))
        {
            data.Add(fault);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Live_analysis_of_the_simulated_cluster_reports_the_rule_ids_of_the_files(string set)
    {
        var fault = set == "healthy" ? null : set;
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = fault });
        var folder = Directory.CreateTempSubdirectory("meshops-cluster");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);

            var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
            var fromCluster = MeshAnalyzer.Analyze(live);
            var fromFiles = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(HashiCupsManifests.Files(fault)));

            Assert.Empty(live.Errors);
            // The runtime rules (MESH9xx) also report what the fault does to the running pods (connect-init crashing
            // for MESH108, say), which files cannot show; every rule of the files is there, and no other.
            Assert.Equal(RuleIds(fromFiles), RuleIds(fromCluster).Where(id => !id.StartsWith("MESH9", StringComparison.Ordinal)));
            if (fault is not null)
            {
                Assert.Contains(fault[..7], RuleIds(fromCluster));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_token_left_unmounted_is_not_reported_by_a_cluster_whose_injector_runs_without_ACLs()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = "MESH402-automount-disabled" });
        var folder = Directory.CreateTempSubdirectory("meshops-cluster");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);

            var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
            var account = Assert.Single(live.Resources, r => r.Kind == "ServiceAccount" && r.Name == "payments");

            Assert.False(((k8s.Models.V1ServiceAccount)account.Model!).AutomountServiceAccountToken);
            Assert.DoesNotContain(MeshAnalyzer.Analyze(live).Findings, f => f.RuleId == "MESH402");
            // The files carry the Helm values that turn ACLs on, and there the same setting stops the pod.
            Assert.Contains(MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(HashiCupsManifests.Files("MESH402-automount-disabled"))).Findings,
                f => f.RuleId == "MESH402" && f.Severity == MeshOps.Rules.Catalog.Severity.Error);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string[] RuleIds(AnalysisReport report) => [.. report.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal)];
}
