using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>
/// Each runtime fault of the simulated cluster reaches the model through the SDK's live clients, as a real cluster's
/// would: no rule judges observed state yet, but what a rule will need is there.
/// </summary>
public sealed class RuntimeFaultObservationTests
{
    private static async Task<MeshModel> LiveModel(SimulatedCluster cluster)
    {
        var folder = Directory.CreateTempSubdirectory("meshops-cluster");
        try
        {
            using var connection = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);
            return MeshModelBuilder.Build(await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static PodObservation PodOf(MeshModel model, string workload) =>
        Assert.Single(model.Observed.Pods.Values, p => p.Pod.Name.StartsWith(workload + "-", StringComparison.Ordinal));

    [Fact]
    public async Task Healthy_pods_run_with_a_ready_sidecar_and_every_service_has_ready_endpoints()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());

        var model = await LiveModel(cluster);

        var pod = PodOf(model, "payments");
        Assert.Equal("Running", pod.Phase);
        Assert.True(pod.Sidecar?.Ready);
        Assert.Equal(new EndpointObservation(1, 0), model.Observed.Endpoints[new ObjectKey("default", "payments")]);
        Assert.All(model.Observed.Synced.Values, s => Assert.Equal("True", s.Status));
    }

    [Fact]
    public async Task CrashLoopBackOff_reaches_the_model_with_its_restarts_and_a_not_ready_endpoint()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("crashloop:payments")] });

        var model = await LiveModel(cluster);

        var app = Assert.Single(PodOf(model, "payments").Containers, c => c.Name == "payments");
        Assert.Equal(("CrashLoopBackOff", 7, false, null, "Error"), (app.WaitingReason, app.RestartCount, app.Ready, app.TerminatedReason, app.LastTerminatedReason));
        Assert.Equal(new EndpointObservation(0, 1), model.Observed.Endpoints[new ObjectKey("default", "payments")]);
    }

    [Fact]
    public async Task A_sidecar_that_is_not_ready_reaches_the_model()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("sidecar-not-ready:products-api")] });

        var model = await LiveModel(cluster);

        var pod = PodOf(model, "products-api");
        Assert.Equal("consul-dataplane", pod.Sidecar?.Name);
        Assert.False(pod.Sidecar!.Ready);
        Assert.True(Assert.Single(pod.Containers, c => c.Name == "products-api").Ready);
        Assert.Equal(new EndpointObservation(0, 1), model.Observed.Endpoints[new ObjectKey("default", "products-api")]);
    }

    [Fact]
    public async Task No_ready_endpoints_reaches_the_model()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("no-ready-endpoints:postgres")] });

        var model = await LiveModel(cluster);

        Assert.Equal(new EndpointObservation(0, 1), model.Observed.Endpoints[new ObjectKey("default", "postgres")]);
    }

    [Fact]
    public async Task A_service_missing_from_the_catalog_is_absent_for_the_Consul_client_while_Kubernetes_runs_it()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("missing-from-catalog:payments")] });
        using var consul = new ConsulClient(null, name => name == ConsulSettings.AddressVariable ? cluster.ConsulAddress.ToString() : null);

        var services = await consul.GetServicesAsync();
        var model = await LiveModel(cluster);

        Assert.DoesNotContain("payments", services.Keys);
        Assert.Contains("public-api", services.Keys);
        Assert.Equal(new EndpointObservation(1, 0), model.Observed.Endpoints[new ObjectKey("default", "payments")]);
    }
}
