using System.Text.Json;
using MeshOps.Clients.Kubernetes;
using MeshOps.Clients.Consul;
using k8s;
using k8s.Models;
using MeshOps.Publishing;
using MeshOps.Simulation.Cluster;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>Apply, dry run, conflicts, Synced and Consul's read-back against the simulated cluster and its consul-k8s controller.</summary>
public sealed class ConfigPublisherTests
{
    private static DesiredObject Desired(string yaml) =>
        DesiredObject.From(ManifestLoader.LoadText(yaml, "d.yaml").Resources[0].Model!, "default");

    private static async Task WithCluster(SimulatedClusterOptions options, Func<SimulatedCluster, KubernetesConnection, Task> test)
    {
        await using var cluster = await SimulatedCluster.StartAsync(options);
        var folder = Directory.CreateTempSubdirectory("meshops-publish");
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

    [Fact]
    public Task A_conflict_on_the_second_object_leaves_the_first_unwritten() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        var other = PublishingYaml.PaymentsAllow.Replace("action: allow", "action: deny", StringComparison.Ordinal);
        await kube.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(
            new V1Patch(JsonSerializer.Serialize(Desired(other).Body), V1Patch.PatchType.ApplyPatch),
            "consul.hashicorp.com", "v1alpha1", "default", "serviceintentions", "payments", fieldManager: "other");
        var frontendBefore = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "frontend")!;
        var publisher = new ConfigPublisher(new ConfigApplier(kube));

        var plan = await publisher.PrepareAsync([Desired(PublishingYaml.FrontendIntention), Desired(PublishingYaml.PaymentsAllow)], force: false);

        Assert.True(plan.Blocked);
        var conflict = Assert.Single(plan.DryRunResults, r => r.Status == PublishStatus.Conflict);
        Assert.Equal("payments", conflict.Name);
        Assert.Contains("other", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishStatus.Applied, plan.DryRunResults.Single(r => r.Name == "frontend").Status);
        var frontendAfter = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "frontend")!;
        Assert.Equal(frontendBefore.ToJsonString(), frontendAfter.ToJsonString());
    });

    [Fact]
    public Task Apply_then_reapply_is_Applied_then_Unchanged_and_Consul_holds_the_entry() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        var applier = new ConfigApplier(kube);
        var publisher = new ConfigPublisher(applier);
        var frontend = Desired(PublishingYaml.FrontendIntention);

        var first = await publisher.ApplyAsync((await publisher.PrepareAsync([frontend], force: false)).Items[0], force: false);
        var second = await publisher.ApplyAsync((await publisher.PrepareAsync([frontend], force: false)).Items[0], force: false);

        Assert.Equal(PublishStatus.Applied, first.Status);
        Assert.Equal(PublishStatus.Unchanged, second.Status);
        Assert.Equal(new SyncOutcome(true, null), SyncWatch.Synced(await applier.GetAsync(frontend)));
        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);
        var verified = await ConsulReadBack.VerifyAsync(consul, frontend);
        Assert.Equal(PublishStatus.Synced, verified.Status);
    });

    [Fact]
    public Task A_drifted_entry_is_a_Mismatch_naming_the_field() => WithCluster(
        new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("entry-drift:frontend")] }, async (cluster, kube) =>
    {
        var publisher = new ConfigPublisher(new ConfigApplier(kube));
        var frontend = Desired(PublishingYaml.FrontendIntention);
        await publisher.ApplyAsync((await publisher.PrepareAsync([frontend], force: false)).Items[0], force: false);

        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);
        var verified = await ConsulReadBack.VerifyAsync(consul, frontend);

        Assert.Equal(PublishStatus.Mismatch, verified.Status);
        Assert.Equal(["Sources[nginx].Action"], verified.Fields);
    });

    [Fact]
    public Task A_refused_sync_is_NotSynced_with_the_controller_reason_and_a_late_one_times_out() => WithCluster(
        new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("sync-refused:payments"), RuntimeFault.Parse("slow-sync:frontend")] }, async (cluster, kube) =>
    {
        var applier = new ConfigApplier(kube);
        var publisher = new ConfigPublisher(applier);
        var payments = Desired(PublishingYaml.PaymentsAllow.Replace("action: allow", "action: allow\n      description: changed", StringComparison.Ordinal));
        var frontend = Desired(PublishingYaml.FrontendIntention);
        foreach (var item in (await publisher.PrepareAsync([payments, frontend], force: false)).Items)
        {
            await publisher.ApplyAsync(item, force: false);
        }

        var watch = new SyncWatch(applier, [payments, frontend], TimeSpan.Zero);
        await watch.PollAsync();

        Assert.True(watch.Done);
        var refused = watch.OutcomeOf(payments)!;
        Assert.False(refused.Synced);
        Assert.StartsWith("ConsulAgentError: writing config entry to consul", refused.Reason, StringComparison.Ordinal);
        var late = watch.OutcomeOf(frontend)!;
        Assert.False(late.Synced);
        Assert.StartsWith("timed out", late.Reason, StringComparison.Ordinal);
    });
}
