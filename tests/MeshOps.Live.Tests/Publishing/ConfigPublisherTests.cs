using System.Text.Json;
using MeshOps.Clients.Kubernetes;
using MeshOps.Clients.Consul;
using k8s;
using k8s.Models;
using MeshOps.Publishing;
using MeshOps.Simulation.Cluster;
using MeshOps.Simulation.Faults;
using MeshOps.Sources.Files;

namespace MeshOps.Live.Tests.Publishing;

/// <summary>Apply, dry run, conflicts, Synced and Consul's read-back against the simulated cluster and its consul-k8s controller.</summary>
public sealed class ConfigPublisherTests
{
    private const string PublicApiIntention = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: public-api
        spec:
          destination:
            name: public-api
          sources:
            - name: nginx
              action: allow
              description: third object
        """;

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

    private static Task ApplyAsOther(KubernetesConnection kube, string yaml) =>
        kube.Client.CustomObjects.PatchNamespacedCustomObjectAsync<JsonElement>(
            new V1Patch(JsonSerializer.Serialize(Desired(yaml).Body), V1Patch.PatchType.ApplyPatch),
            "consul.hashicorp.com", "v1alpha1", "default", "serviceintentions", Desired(yaml).Name, fieldManager: "other");

    private static async Task<SyncWatch> WaitAsync(ConfigApplier applier, IEnumerable<SyncTarget> targets, TimeSpan timeout)
    {
        var watch = new SyncWatch(applier, targets, timeout);
        while (true)
        {
            await watch.PollAsync();
            if (watch.Done)
            {
                return watch;
            }

            await Task.Delay(SyncWatch.PollInterval);
        }
    }

    [Fact]
    public Task A_conflict_on_the_second_object_leaves_the_first_unwritten() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        await ApplyAsOther(kube, PublishingYaml.PaymentsAllow.Replace("action: allow", "action: deny", StringComparison.Ordinal));
        var frontendBefore = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "frontend")!;
        var publisher = new ConfigPublisher(new ConfigApplier(kube));

        var run = await publisher.ApplyAllAsync([Desired(PublishingYaml.FrontendIntention), Desired(PublishingYaml.PaymentsAllow)], force: false, dryRun: false);

        Assert.True(run.Blocked);
        Assert.Empty(run.Written);
        var conflict = Assert.Single(run.Conflicts);
        Assert.Equal("payments", conflict.Name);
        Assert.Contains("other", conflict.Reason, StringComparison.Ordinal);
        Assert.Equal(PublishStatus.Applied, run.Results.Single(r => r.Name == "frontend").Status);
        var frontendAfter = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "frontend")!;
        Assert.Equal(frontendBefore.ToJsonString(), frontendAfter.ToJsonString());
    });

    [Fact]
    public Task ApplyAllAsync_stops_at_a_conflict_met_after_the_dry_run_and_applies_nothing_after_it() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        var publicApiBefore = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "public-api")!.ToJsonString();
        var publisher = new ConfigPublisher(new ConfigApplier(kube));
        var reports = new List<string>();

        // Another manager takes payments' action between the dry run (which passed) and payments' own apply.
        var run = await publisher.ApplyAllAsync(
            [Desired(PublishingYaml.FrontendIntention), Desired(PublishingYaml.PaymentsAllow), Desired(PublicApiIntention)], force: false, dryRun: false,
            progress: p =>
            {
                reports.Add(p.Status);
                if (p.Status.Contains("frontend", StringComparison.Ordinal))
                {
                    Task.Run(() => ApplyAsOther(kube, PublishingYaml.PaymentsAllow.Replace("action: allow", "action: deny", StringComparison.Ordinal))).GetAwaiter().GetResult();
                }
            });

        Assert.False(run.Blocked);
        Assert.Null(run.Failure);
        Assert.Equal(["frontend:Applied", "payments:Conflict"], run.Results.Select(r => $"{r.Name}:{r.Status}"));
        Assert.Equal(["frontend"], run.Written.Select(r => r.Name));
        Assert.Equal(["frontend"], run.SyncTargets.Select(t => t.Desired.Name));
        Assert.Equal(publicApiBefore, cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "public-api")!.ToJsonString());
        Assert.StartsWith("Validating 3 object(s)", reports[0], StringComparison.Ordinal);
    });

    [Fact]
    public Task ApplyAllAsync_reports_what_was_stored_before_a_later_request_failed() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        var publisher = new ConfigPublisher(new ConfigApplier(kube));

        // The dry run of both passes; payments' real apply meets a server that fails every request.
        var run = await publisher.ApplyAllAsync(
            [Desired(PublishingYaml.FrontendIntention), Desired(PublishingYaml.PaymentsAllow.Replace("action: allow", "action: deny", StringComparison.Ordinal))],
            force: false, dryRun: false,
            progress: p =>
            {
                if (p.Status.Contains("payments", StringComparison.Ordinal))
                {
                    cluster.KubernetesFaults.Add(new Fault(FaultKind.ServerError, "/apis/consul.hashicorp.com/v1alpha1/namespaces/default/serviceintentions/payments"));
                }
            });

        Assert.IsType<KubernetesRequestException>(run.Failure);
        var stored = Assert.Single(run.Written);
        Assert.Equal(("frontend", PublishStatus.Applied), (stored.Name, stored.Status));
        var frontend = cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "frontend")!;
        Assert.Equal("from the test", (string?)frontend["spec"]?["sources"]?[0]?["description"]);
        Assert.Equal("allow", (string?)cluster.Store.Get("consul.hashicorp.com", "ServiceIntentions", "default", "payments")!["spec"]?["sources"]?[0]?["action"]);
    });

    [Fact]
    public Task Apply_then_reapply_is_Applied_then_Unchanged_and_Consul_holds_the_entry() => WithCluster(new SimulatedClusterOptions(), async (cluster, kube) =>
    {
        var applier = new ConfigApplier(kube);
        var publisher = new ConfigPublisher(applier);
        var frontend = Desired(PublishingYaml.FrontendIntention);

        var first = await publisher.ApplyAllAsync([frontend], force: false, dryRun: false);
        var second = await publisher.ApplyAllAsync([frontend], force: false, dryRun: false);

        Assert.Equal(PublishStatus.Applied, Assert.Single(first.Results).Status);
        Assert.Equal(PublishStatus.Unchanged, Assert.Single(second.Results).Status);
        Assert.Equal(SyncState.Synced, (await WaitAsync(applier, second.SyncTargets, TimeSpan.FromSeconds(30))).OutcomeOf(frontend)!.State);
        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);
        var verified = await ConsulReadBack.VerifyAsync(consul, frontend);
        Assert.Equal(SyncStatus.Synced, verified.Status);
    });

    [Fact]
    public Task On_Consul_Enterprise_the_entry_is_read_back_in_the_namespace_consul_k8s_wrote_it_to() => WithCluster(
        new SimulatedClusterOptions { ConsulNamespaceMirroringPrefix = "k8s-" }, async (cluster, kube) =>
    {
        // Publish-MeshConfig's path: the rule check over the desired object and the live cluster says where consul-k8s
        // places each namespace (here the injector's mirroring flags), and the read-back asks Consul there.
        var applier = new ConfigApplier(kube);
        var frontend = Desired(PublishingYaml.FrontendIntention);
        var live = await MeshOps.Sources.Live.LiveSnapshot.ReadAsync(kube, MeshOps.Sources.Live.LiveSnapshotOptions.Default, CancellationToken.None);
        var check = MeshOps.Authoring.DesiredConfigCheck.Check(ManifestLoader.LoadText(PublishingYaml.FrontendIntention, "d.yaml"), live);
        var applied = await new ConfigPublisher(applier).ApplyAllAsync([frontend], force: false, dryRun: false);
        Assert.Equal(SyncState.Synced, (await WaitAsync(applier, applied.SyncTargets, TimeSpan.FromSeconds(30))).OutcomeOf(frontend)!.State);
        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);

        var verified = await ConsulReadBack.VerifyAsync(consul, frontend, check.ConsulNamespaces);
        var elsewhere = await ConsulReadBack.VerifyAsync(consul, frontend);

        Assert.Equal("k8s-default", ConsulEntryComparison.NamespaceOf(frontend, check.ConsulNamespaces));
        Assert.Equal(SyncStatus.Synced, verified.Status);
        Assert.Contains(cluster.Consul.Requests, r => r.Path == "/v1/config/service-intentions/frontend" && r.Query == "?ns=k8s-default");
        // Asked without the namespace, Consul Enterprise answers for "default", where consul-k8s wrote nothing.
        Assert.Equal(SyncStatus.Mismatch, elsewhere.Status);
    });

    [Fact]
    public void Global_kinds_are_in_Consul_s_default_namespace_and_CE_has_none()
    {
        var mirrored = new MeshOps.Model.ConsulNamespaces(true, "default", Mirroring: true, "k8s-", "test");
        var proxyDefaults = Desired("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ProxyDefaults\nmetadata:\n  name: global\n  namespace: shop\nspec:\n  config:\n    protocol: http\n");
        var toBackend = Desired(PublishingYaml.FrontendIntention.Replace("destination:\n    name: frontend\n", "destination:\n    name: frontend\n    namespace: backend\n", StringComparison.Ordinal));

        Assert.Equal("default", ConsulEntryComparison.NamespaceOf(proxyDefaults, mirrored));
        Assert.Equal("backend", ConsulEntryComparison.NamespaceOf(toBackend, mirrored));
        Assert.Null(ConsulEntryComparison.NamespaceOf(toBackend, mirrored with { Enabled = false }));
    }

    [Fact]
    public Task A_drifted_entry_is_a_Mismatch_naming_the_field() => WithCluster(
        new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("entry-drift:frontend")] }, async (cluster, kube) =>
    {
        var publisher = new ConfigPublisher(new ConfigApplier(kube));
        var frontend = Desired(PublishingYaml.FrontendIntention);
        await publisher.ApplyAllAsync([frontend], force: false, dryRun: false);

        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);
        var verified = await ConsulReadBack.VerifyAsync(consul, frontend);

        Assert.Equal(SyncStatus.Mismatch, verified.Status);
        Assert.Equal(["Sources[nginx].Action"], verified.Fields);
    });

    [Fact]
    public Task A_refused_sync_is_Refused_with_the_controller_reason_and_a_late_one_times_out() => WithCluster(
        new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("sync-refused:payments"), RuntimeFault.Parse("slow-sync:frontend")] }, async (cluster, kube) =>
    {
        var applier = new ConfigApplier(kube);
        var publisher = new ConfigPublisher(applier);
        var payments = Desired(PublishingYaml.PaymentsAllow.Replace("action: allow", "action: allow\n      description: changed", StringComparison.Ordinal));
        var frontend = Desired(PublishingYaml.FrontendIntention);
        var run = await publisher.ApplyAllAsync([payments, frontend], force: false, dryRun: false);

        var watch = new SyncWatch(applier, run.SyncTargets, TimeSpan.Zero);
        await watch.PollAsync();

        Assert.True(watch.Done);
        var refused = watch.OutcomeOf(payments)!;
        Assert.Equal(SyncState.Refused, refused.State);
        Assert.StartsWith("ConsulAgentError: writing config entry to consul", refused.Reason, StringComparison.Ordinal);
        var late = watch.OutcomeOf(frontend)!;
        Assert.NotEqual(SyncState.Synced, late.State);
        Assert.StartsWith("timed out", late.Reason, StringComparison.Ordinal);
    });

    [Fact]
    public Task After_an_update_the_Synced_True_of_the_previous_spec_is_not_taken_for_the_update() => WithCluster(
        new SimulatedClusterOptions { RuntimeFaults = [RuntimeFault.Parse("slow-sync:frontend")] }, async (cluster, kube) =>
    {
        var applier = new ConfigApplier(kube);
        var publisher = new ConfigPublisher(applier);
        using var consul = new ConsulClient(new ConsulClientOptions { Address = cluster.ConsulAddress.ToString() }, _ => null);
        var first = await publisher.ApplyAllAsync([Desired(PublishingYaml.FrontendIntention)], force: false, dryRun: false);
        Assert.Equal(SyncState.Synced, (await WaitAsync(applier, first.SyncTargets, TimeSpan.FromSeconds(30))).OutcomeOf(first.SyncTargets[0].Desired)!.State);

        var updated = Desired(PublishingYaml.FrontendIntention.Replace("from the test", "updated", StringComparison.Ordinal));
        var update = await publisher.ApplyAllAsync([updated], force: false, dryRun: false);
        Assert.Equal("True", (string?)SyncWatch.Condition((await applier.GetAsync(updated))!)?["status"]);

        // Right after the update consul-k8s still shows the previous Synced=True: not an answer to this apply.
        var early = new SyncWatch(applier, update.SyncTargets, TimeSpan.Zero);
        await early.PollAsync();
        Assert.Equal(SyncState.NotSinceApply, early.OutcomeOf(updated)!.State);
        Assert.Equal(SyncStatus.Mismatch, (await ConsulReadBack.VerifyAsync(consul, updated)).Status);

        var synced = await WaitAsync(applier, update.SyncTargets, TimeSpan.FromSeconds(30));
        Assert.Equal(SyncState.Synced, synced.OutcomeOf(updated)!.State);
        Assert.Equal(SyncStatus.Synced, (await ConsulReadBack.VerifyAsync(consul, updated)).Status);
    });
}
