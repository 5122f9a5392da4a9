using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using MeshOps.Authoring;
using MeshOps.Clients.Kubernetes;
using MeshOps.Publishing;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>
/// The core objects a mesh service needs beside its Consul entries (New-MeshServicePort's Service,
/// New-MeshServiceAccount's ServiceAccount) applied through the same applier, against the simulated API server.
/// </summary>
public sealed class CoreObjectApplyTests
{
    private static V1Service Orders(string targetPort = "8080") => KubernetesObjectComposer.Service(
        new ServicePortRequest("orders", 80, targetPort, new Dictionary<string, string> { ["app"] = "orders" }));

    private static async Task WithCluster(Func<SimulatedCluster, KubernetesConnection, Task> test)
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var folder = Directory.CreateTempSubdirectory("meshops-publish-core");
        try
        {
            using var kube = KubernetesConnection.Create(
                new KubernetesConnectionOptions { Kubeconfig = cluster.WriteKubeconfig(Path.Combine(folder.FullName, "kubeconfig")) }, _ => null, home: null);
            await test(cluster, kube);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<PublishResult> Publish(ConfigPublisher publisher, DesiredObject desired, bool force = false)
    {
        var run = await publisher.ApplyAllAsync([desired], force, dryRun: false);
        return Assert.Single(run.Results);
    }

    private static IEnumerable<string?> Managers(JsonObject stored) =>
        (stored["metadata"]?["managedFields"] as JsonArray ?? []).Select(e => (string?)e?["manager"]);

    [Fact]
    public Task A_Service_and_a_ServiceAccount_are_applied_as_meshops_then_Unchanged() => WithCluster(async (cluster, kube) =>
    {
        var publisher = new ConfigPublisher(new ConfigApplier(kube));
        var service = DesiredObject.From(Orders(), "default");
        var account = DesiredObject.From(KubernetesObjectComposer.ServiceAccount("orders", automountToken: false), "default");

        Assert.Equal(PublishStatus.Applied, (await Publish(publisher, service)).Status);
        Assert.Equal(PublishStatus.Applied, (await Publish(publisher, account)).Status);
        Assert.Equal(PublishStatus.Unchanged, (await Publish(publisher, service)).Status);
        Assert.Equal(PublishStatus.Unchanged, (await Publish(publisher, account)).Status);

        var storedService = cluster.Store.Get(string.Empty, "Service", "default", "orders")!;
        Assert.Contains(ConfigApplier.FieldManager, Managers(storedService));
        Assert.Equal(8080, (int?)storedService["spec"]!["ports"]![0]!["targetPort"]);
        // kube-apiserver keeps no managedFields entry for an apply that owns no field beyond the name, so the account sets one.
        var storedAccount = cluster.Store.Get(string.Empty, "ServiceAccount", "default", "orders")!;
        Assert.Contains(ConfigApplier.FieldManager, Managers(storedAccount));
        Assert.False((bool?)storedAccount["automountServiceAccountToken"]);
    });

    [Fact]
    public Task The_dry_run_of_a_Service_stores_nothing() => WithCluster(async (cluster, kube) =>
    {
        var publisher = new ConfigPublisher(new ConfigApplier(kube));

        var plan = await publisher.PrepareAsync([DesiredObject.From(Orders(), "default")], force: false);

        Assert.Equal(PublishStatus.Applied, Assert.Single(plan.DryRunResults).Status);
        Assert.Null(cluster.Store.Get(string.Empty, "Service", "default", "orders"));
    });

    [Fact]
    public Task A_Service_port_another_manager_owns_is_a_Conflict_naming_it_and_Force_takes_it_over() => WithCluster(async (cluster, kube) =>
    {
        var other = DesiredObject.From(Orders("8080"), "default");
        await kube.Client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(other.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch), "orders", "default", fieldManager: "helm");
        var publisher = new ConfigPublisher(new ConfigApplier(kube));
        var mine = DesiredObject.From(Orders("9090"), "default");

        var conflict = await Publish(publisher, mine);

        Assert.Equal(PublishStatus.Conflict, conflict.Status);
        Assert.Contains("helm", conflict.Reason, StringComparison.Ordinal);
        Assert.Contains(conflict.Fields, f => f.Contains("targetPort", StringComparison.Ordinal) && f.Contains("\"helm\"", StringComparison.Ordinal));
        Assert.Equal(8080, (int?)cluster.Store.Get(string.Empty, "Service", "default", "orders")!["spec"]!["ports"]![0]!["targetPort"]);

        Assert.Equal(PublishStatus.Applied, (await Publish(publisher, mine, force: true)).Status);
        Assert.Equal(9090, (int?)cluster.Store.Get(string.Empty, "Service", "default", "orders")!["spec"]!["ports"]![0]!["targetPort"]);
    });

    [Fact]
    public Task A_Service_from_a_manifest_is_applied_in_the_given_namespace() => WithCluster(async (cluster, kube) =>
    {
        var manifest = ManifestLoader.LoadText("""
            apiVersion: v1
            kind: Service
            metadata:
              name: orders
            spec:
              selector:
                app: orders
              ports:
                - port: 80
                  targetPort: 8080
            """, "orders.yaml").Resources[0];
        var publisher = new ConfigPublisher(new ConfigApplier(kube));

        var result = await Publish(publisher, DesiredObject.From(manifest.Model!, "default", manifest.Location));

        Assert.Equal(PublishStatus.Applied, result.Status);
        Assert.NotNull(cluster.Store.Get(string.Empty, "Service", "default", "orders"));
    });

    [Fact]
    public void A_Secret_or_a_Deployment_is_refused_naming_what_is_applied()
    {
        var secret = Assert.Throws<ArgumentException>(() => DesiredObject.From(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "db" }, StringData = new Dictionary<string, string> { ["password"] = "hunter2" } }, "default"));
        var deployment = Assert.Throws<ArgumentException>(() => DesiredObject.From(new V1Deployment { Metadata = new V1ObjectMeta { Name = "orders" } }, "default"));

        Assert.StartsWith("A v1 Secret is not applied", secret.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", secret.Message, StringComparison.Ordinal);
        Assert.StartsWith("A apps/v1 Deployment is not applied", deployment.Message, StringComparison.Ordinal);
        Assert.Contains("v1 Services and ServiceAccounts", deployment.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Service_made_with_new_takes_its_apiVersion_and_kind_from_its_type()
    {
        var desired = DesiredObject.From(new V1Service { Metadata = new V1ObjectMeta { Name = "orders" } }, "shop");

        Assert.Equal(("v1", "Service", string.Empty, "services", "shop"), (desired.ApiVersion, desired.Kind, desired.Group, desired.Plural, desired.Namespace));
        Assert.True(desired.IsCore);
        Assert.IsType<V1Service>(desired.Model);
    }
}
