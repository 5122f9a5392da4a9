using System.Text.Json.Nodes;
using MeshOps.Clients.Kubernetes;
using MeshOps.Intentions;
using MeshOps.Live.Tests.Live;
using MeshOps.Live.Tests.Paths;
using MeshOps.Paths.Live;
using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Faults;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Intentions;

/// <summary>
/// Test-MeshIntention's live check on the simulated cluster, reached through a kubeconfig: the cluster's
/// ServiceIntentions evaluated, and Consul's own check (through the port-forward to its server pod) laid beside it.
/// </summary>
public sealed class LiveIntentionCheckerTests
{
    private static async Task<IntentionCheckResult> CheckAsync(SimulatedCluster cluster, string source, string destination)
    {
        var folder = Directory.CreateTempSubdirectory("meshops-intention");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")), Timeouts = LiveCluster.FastTimeouts },
                _ => null,
                home: null);
            var snapshot = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
            using var checker = new LiveIntentionChecker(connection, LivePath.Options(null));
            return await checker.CheckAsync(snapshot, source, destination, null, CancellationToken.None);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task On_the_healthy_cluster_Consul_agrees_and_the_live_object_is_named()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        var result = await CheckAsync(cluster, "public-api", "products-api");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(IntentionAgreement.Agrees, result.ConsulAgreement);
        Assert.Equal("Allowed (agrees)", result.Consul);
        Assert.Contains("ServiceIntentions/default/products-api", result.Location, StringComparison.Ordinal);
        Assert.EndsWith("spec.sources[0]", result.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_Consul_refused_is_a_disagreement()
    {
        // MESH203: Consul refuses products-api's entry (Synced=False), so its deny-all decides the call the CRD allows.
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = "MESH203-duplicate-source" });

        var result = await CheckAsync(cluster, "public-api", "products-api");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(IntentionAgreement.ConsulDenies, result.ConsulAgreement);
        Assert.Equal("Denied (disagrees)", result.Consul);
        Assert.Contains(result.Notes, n => n.StartsWith("MESH203", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_intention_created_in_Consul_outside_Kubernetes_is_a_disagreement()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        cluster.Consul.State.PutConfigEntry(JsonNode.Parse("""
            {"Kind":"service-intentions","Name":"payments","Sources":[{"Name":"frontend","Action":"allow","Precedence":9,"Type":"consul"}]}
            """)!.AsObject());

        var result = await CheckAsync(cluster, "frontend", "payments");

        Assert.Equal(IntentionCheckDecision.Denied, result.Decision);
        Assert.Equal("deny-all", result.IntentionName);
        Assert.Equal(IntentionAgreement.ConsulAllows, result.ConsulAgreement);
        Assert.Contains("Consul allows frontend -> payments", result.ConsulMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consul_unreachable_leaves_the_Consul_part_Unknown()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        cluster.Consul.Faults.Add(new Fault(FaultKind.DropConnection));

        var result = await CheckAsync(cluster, "public-api", "products-api");

        Assert.Equal(IntentionCheckDecision.Allowed, result.Decision);
        Assert.Equal(IntentionAgreement.Unknown, result.ConsulAgreement);
        Assert.Equal("Unknown", result.Consul);
        Assert.Null(result.ConsulAllowed);
        Assert.StartsWith("Consul could not be read", result.ConsulMessage, StringComparison.Ordinal);
    }
}
