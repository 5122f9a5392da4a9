using MeshOps.Analysis;
using MeshOps.Live.Tests.Live;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.Paths.Live;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Paths;

/// <summary>
/// Paths outside the mesh do not take the mesh's hops: a source without a sidecar has no Envoy of its own, and between
/// two services without sidecars there is no Consul catalog either. Those hops are Skipped and say why, as the
/// Intention hop does, never Unknown or a false Fail.
/// </summary>
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

    [Fact]
    public async Task Two_services_outside_the_mesh_skip_the_Catalog_and_Envoy_hops_without_asking_Consul()
    {
        // nginx -> frontend with neither injected: the files' model, and a cluster that holds nothing to ask.
        var files = HashiCupsObjects.Files(null).Select(f => (Path: f, Text: File.ReadAllText(f)))
            .Select(f => Path.GetFileName(f.Path) is "nginx.yaml" or "frontend.yaml"
                ? f with { Text = f.Text.Replace("consul.hashicorp.com/connect-inject: \"true\"", "consul.hashicorp.com/connect-inject: \"false\"", StringComparison.Ordinal) }
                : f);
        var manifests = files.Aggregate(ManifestSet.Empty, (set, f) => ManifestSet.Merge(set, ManifestLoader.LoadText(f.Text, f.Path)));
        var analysis = MeshAnalyzer.Analyze(manifests);
        var model = MeshModelBuilder.Build(manifests);
        await using var cluster = await LiveCluster.StartAsync();
        using var connection = cluster.Connect();
        using var tracer = new LivePathTracer(connection, LivePath.Options(null));
        cluster.Server.ClearRequests();

        var report = await tracer.TraceAsync(model, analysis, "nginx", "frontend");

        Assert.Equal(PathHopStatus.Skipped, report[PathHopName.Intention].Status);
        foreach (var hop in (PathHopName[])[PathHopName.Catalog, PathHopName.Envoy])
        {
            Assert.Equal(PathHopStatus.Skipped, report[hop].Status);
            Assert.Contains(report[hop].Evidence, e => e.Contains("join", StringComparison.Ordinal) && e.Contains("mesh", StringComparison.Ordinal));
        }

        // Consul was never looked for: no list of its server pods.
        Assert.DoesNotContain(cluster.Server.Requests, r => r.Query.Contains("component%3Dserver", StringComparison.Ordinal));
    }
}
