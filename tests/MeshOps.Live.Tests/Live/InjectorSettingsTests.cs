using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Simulation.Kubernetes;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>The running connect-inject webhook's flags are the mesh settings, each saying which flag on which Deployment set it.</summary>
public class InjectorSettingsTests
{
    [Fact]
    public async Task The_injector_flags_set_the_mesh_settings_with_the_deployment_as_origin()
    {
        await using var cluster = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null));
            AddInjector(store, "-default-inject=false", "-default-enable-transparent-proxy=false", "-acl-auth-method=\"consul-k8s-auth-method\"", "-allow-k8s-namespace=\"*\"", "-deny-k8s-namespace=\"legacy\"");
        });
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
        var settings = MeshSettingsReader.Read(live.Resources, MeshSettingsOverrides.None);

        var version = cluster.Store.Get("apps", "Deployment", "consul", "consul-connect-injector")!["metadata"]!["resourceVersion"]!.GetValue<string>();
        var deployment = $"Deployment/consul/consul-connect-injector (resourceVersion {version})";
        Assert.False(settings.ConnectInjectDefault.Value);
        Assert.Contains($"-default-inject=false on {deployment}", settings.ConnectInjectDefault.Origin, StringComparison.Ordinal);
        Assert.False(settings.TransparentProxyDefault.Value);
        Assert.Contains($"-default-enable-transparent-proxy=false on {deployment}", settings.TransparentProxyDefault.Origin, StringComparison.Ordinal);
        Assert.True(settings.AclsEnabled.Value);
        Assert.Contains("-acl-auth-method=consul-k8s-auth-method", settings.AclsEnabled.Origin, StringComparison.Ordinal);
        Assert.False(settings.AclsEnabled.Assumed);
        Assert.Equal(DefaultPolicy.Deny, settings.DefaultPolicy.Value);
        Assert.NotNull(settings.InjectionNamespaces.Refuses("legacy"));
        Assert.Null(settings.InjectionNamespaces.Refuses("default"));
        Assert.DoesNotContain(live.Resources, r => r.Kind == "Deployment" && r.Name == "consul-connect-injector");
    }

    [Fact]
    public async Task The_injector_namespace_flags_say_which_Consul_namespace_each_Kubernetes_namespace_registers_in()
    {
        await using var mirrored = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null));
            AddInjector(store, "-allow-k8s-namespace=\"*\"", "-enable-namespaces=true", "-enable-k8s-namespace-mirroring=true", "-k8s-namespace-mirroring-prefix=k8s-");
        });
        await using var community = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null));
            AddInjector(store, "-allow-k8s-namespace=\"*\"");
        });
        using var enterprise = mirrored.Connect("default");
        using var ce = community.Connect("default");

        var withNamespaces = MeshSettingsReader.Read((await LiveSnapshot.ReadAsync(enterprise, LiveSnapshotOptions.Default, CancellationToken.None)).Resources, MeshSettingsOverrides.None).ConsulNamespaces;
        var without = MeshSettingsReader.Read((await LiveSnapshot.ReadAsync(ce, LiveSnapshotOptions.Default, CancellationToken.None)).Resources, MeshSettingsOverrides.None).ConsulNamespaces;

        Assert.Equal("k8s-shop", withNamespaces.Of("shop"));
        Assert.Contains("-enable-namespaces=true on Deployment/consul/consul-connect-injector", withNamespaces.Origin, StringComparison.Ordinal);
        Assert.Equal(false, without.Enabled);
        Assert.Contains("the default of -enable-namespaces (not given)", without.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acls_the_injector_runs_with_decide_the_verdict_on_a_mesh_without_deny_all()
    {
        var files = HashiCupsObjects.Files("MESH206-no-deny-all");
        await using var withoutAcls = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, files);
            AddInjector(store, "-default-inject=false", "-allow-k8s-namespace=\"*\"");
        });
        await using var withAcls = await LiveCluster.StartAsync(store =>
        {
            HashiCupsObjects.Apply(store, files);
            AddInjector(store, "-default-inject=false", "-acl-auth-method=\"consul-k8s-auth-method\"", "-allow-k8s-namespace=\"*\"");
        });
        using var open = withoutAcls.Connect("default");
        using var closed = withAcls.Connect("default");

        var reportOpen = MeshAnalyzer.Analyze(await LiveSnapshot.ReadAsync(open, LiveSnapshotOptions.Default, CancellationToken.None));
        var reportClosed = MeshAnalyzer.Analyze(await LiveSnapshot.ReadAsync(closed, LiveSnapshotOptions.Default, CancellationToken.None));

        var finding = Assert.Single(reportOpen.Findings, f => f.RuleId == "MESH206");
        Assert.Contains("Deployment/consul/consul-connect-injector", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(reportClosed.Findings, f => f.RuleId == "MESH206");
    }

    [Fact]
    public async Task Without_an_injector_the_settings_are_the_chart_defaults_and_a_note_says_so()
    {
        await using var cluster = await LiveCluster.StartAsync(store => HashiCupsObjects.Apply(store, HashiCupsObjects.Files(null)));
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);
        var settings = MeshSettingsReader.Read(live.Resources, MeshSettingsOverrides.None);

        Assert.Contains(live.Skipped, s => s.Reason.Contains("no connect-inject Deployment", StringComparison.Ordinal));
        Assert.True(settings.AclsEnabled.Assumed);
    }

    /// <summary>The Deployment the consul-k8s chart renders for the webhook: its labels, and flags in a /bin/sh -ec script.</summary>
    private static void AddInjector(ObjectStore store, params string[] flags)
    {
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"consul"}}"""));
        var script = "exec consul-k8s-control-plane inject-connect \\\n  -config-file=/consul/config/config.json \\\n  -log-level=info \\\n"
            + string.Concat(flags.Select(f => $"  {f} \\\n")) + "  -tls-cert-dir=/etc/connect-injector/certs\n";
        var deployment = HashiCupsObjects.Json("""
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"consul-connect-injector","namespace":"consul","labels":{"app":"consul","chart":"consul-helm","component":"connect-injector","release":"consul"}},
             "spec":{"selector":{"matchLabels":{"app":"consul","component":"connect-injector"}},
                     "template":{"metadata":{"labels":{"app":"consul","component":"connect-injector"}},
                                 "spec":{"containers":[{"name":"sidecar-injector","image":"hashicorp/consul-k8s-control-plane:1.6.1","command":["/bin/sh","-ec"]}]}}}}
            """);
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]!.AsArray().Add(script);
        store.Put(deployment);
    }
}
