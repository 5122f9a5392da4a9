using MeshOps.Paths;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Paths;

/// <summary>A source without a sidecar has no Envoy of its own: the Envoy hop is Skipped and says why, never Unknown or Fail.</summary>
public sealed class LivePathOutsideMeshTests
{
    [Fact]
    public async Task A_source_outside_the_mesh_skips_the_Envoy_hop()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { SeededFault = "MESH502-payments-outside-mesh" });

        var report = await LivePath.TraceAsync(cluster, "payments", "products-api");

        var envoy = report[PathHopName.Envoy];
        Assert.Equal(PathHopStatus.Skipped, envoy.Status);
        Assert.Contains(envoy.Evidence, e => e.Contains("payments.default does not join the mesh", StringComparison.Ordinal));
        Assert.Equal(PathHopStatus.Skipped, report[PathHopName.Intention].Status);
    }
}
