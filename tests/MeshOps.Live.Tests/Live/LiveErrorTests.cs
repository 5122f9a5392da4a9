using System.Net;
using System.Net.Sockets;
using MeshOps.Clients.Kubernetes;
using MeshOps.Simulation.Faults;
using MeshOps.Sources;
using MeshOps.Sources.Live;

namespace MeshOps.Live.Tests.Live;

/// <summary>A cluster that refuses, fails or cannot be reached is an error naming context and server, never a token.</summary>
public class LiveErrorTests
{
    [Fact]
    public async Task A_refused_token_says_it_expired_and_names_context_and_server()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        var kubeconfig = cluster.WriteKubeconfig("prod");
        const string wrongToken = "expired-token-5f0c2a9d8e7b6a5c4d3e2f1a";
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace(cluster.Server.Token, wrongToken, StringComparison.Ordinal));
        using var connection = Connect(kubeconfig);

        var error = await Assert.ThrowsAsync<KubernetesRequestException>(() => LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("context 'prod'", error.Message, StringComparison.Ordinal);
        Assert.Contains(connection.Server, error.Message, StringComparison.Ordinal);
        Assert.Contains("the token has expired or was refused; log in again", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, wrongToken, cluster.Server.Token);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_with_its_context()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        var kubeconfig = cluster.WriteKubeconfig();
        var closed = ClosedPort();
        File.WriteAllText(kubeconfig, File.ReadAllText(kubeconfig).Replace($":{cluster.Server.BaseAddress.Port}", $":{closed}", StringComparison.Ordinal));
        using var connection = Connect(kubeconfig);

        var error = await Assert.ThrowsAsync<KubernetesRequestException>(() => LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Contains("context 'simulated'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closed}", error.Message, StringComparison.Ordinal);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, cluster.Server.Token);
    }

    [Fact]
    public async Task A_server_certificate_the_kubeconfig_does_not_trust_fails_and_names_the_server()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        var kubeconfig = cluster.WriteKubeconfig();
        // Without its CA the simulated server's certificate chains to nothing this machine trusts: TLS verification must refuse it.
        File.WriteAllLines(kubeconfig, File.ReadAllLines(kubeconfig).Where(l => !l.Contains("certificate-authority-data", StringComparison.Ordinal)));
        using var connection = Connect(kubeconfig);

        var error = await Assert.ThrowsAsync<KubernetesRequestException>(() => LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        Assert.Contains("TLS", error.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.Server.BaseAddress.GetLeftPart(UriPartial.Authority), error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, cluster.Server.Token);
    }

    [Fact]
    public async Task Server_errors_that_outlast_the_retries_fail_the_snapshot_not_pass_it()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Faults.Add(new Fault(FaultKind.ServerError, "/api/v1/namespaces/default/pods"));
        using var connection = cluster.Connect("default");

        var error = await Assert.ThrowsAsync<KubernetesRequestException>(() => LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("context 'simulated'", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/v1/namespaces/default/pods", error.Message, StringComparison.Ordinal);
        AssertNoSecret(error, cluster.Server.Token);
    }

    [Fact]
    public async Task A_server_error_that_a_retry_gets_past_is_no_error()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Faults.Add(new Fault(FaultKind.ServerError, "/api/v1/namespaces/default/pods", Times: 1));
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);

        Assert.Empty(live.Errors);
        Assert.Contains(live.Resources, r => r.Kind == "Pod" && r.Name == "web-1");
    }

    [Fact]
    public async Task A_kind_rbac_refuses_is_an_error_naming_verb_and_resource_and_the_rest_is_still_read()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Access.Forbid("list", "", "configmaps", "default");
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);

        var error = Assert.Single(live.Errors);
        Assert.Equal(LoadErrorIds.KubernetesForbidden, error.ErrorId);
        Assert.Contains("cannot list resource \"configmaps\" in API group \"\" in the namespace \"default\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("context 'simulated'", error.Message, StringComparison.Ordinal);
        Assert.Contains(live.Resources, r => r.Kind == "Pod" && r.Name == "web-1");
        Assert.DoesNotContain(live.Resources, r => r.Kind == "ConfigMap");
        Assert.DoesNotContain(cluster.Server.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mesh_wide_kinds_refused_across_namespaces_are_read_in_the_asked_namespace_with_a_note()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Access.Forbid("list", "consul.hashicorp.com", "proxydefaults");
        cluster.Server.Access.Forbid("list", "apps", "deployments");
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);

        Assert.Contains(live.Skipped, s => s.Reason.Contains("ProxyDefaults cannot be listed across namespaces", StringComparison.Ordinal));
        Assert.Contains(live.Skipped, s => s.Reason.Contains("mesh settings come from the consul-k8s chart defaults", StringComparison.Ordinal));
        Assert.Contains(live.Errors, e => e.Message.Contains("cannot list resource \"proxydefaults\"", StringComparison.Ordinal) && e.Location.File.Contains("namespace default", StringComparison.Ordinal));
        Assert.Contains(live.Resources, r => r.Kind == "ServiceDefaults");
    }

    [Fact]
    public async Task A_consul_kind_whose_crd_is_not_installed_is_skipped_with_a_note_not_an_error()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Apis.Remove("consul.hashicorp.com", "servicerouters");
        using var connection = cluster.Connect("default");

        var live = await LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, CancellationToken.None);

        Assert.Empty(live.Errors);
        Assert.Contains(live.Skipped, s => s.Reason.Contains("servicerouters.consul.hashicorp.com", StringComparison.Ordinal) && s.Reason.Contains("CRD is not installed", StringComparison.Ordinal));
        Assert.Contains(live.Resources, r => r.Kind == "ServiceDefaults");
    }

    [Fact]
    public async Task Cancelling_stops_the_snapshot()
    {
        await using var cluster = await LiveCluster.StartAsync(Seed);
        cluster.Server.Faults.Add(new Fault(FaultKind.Latency) { Delay = TimeSpan.FromMinutes(5) });
        using var connection = cluster.Connect("default");
        using var cancel = new CancellationTokenSource();

        var reading = LiveSnapshot.ReadAsync(connection, LiveSnapshotOptions.Default, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    internal static void Seed(MeshOps.Simulation.Kubernetes.ObjectStore store)
    {
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}"""));
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"default","labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]},"status":{"phase":"Running"}}"""));
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"web","namespace":"default"},"data":{"a":"b"}}"""));
        store.Put(HashiCupsObjects.Json("""{"apiVersion":"consul.hashicorp.com/v1alpha1","kind":"ServiceDefaults","metadata":{"name":"web","namespace":"default"},"spec":{"protocol":"http"}}"""));
    }

    private static KubernetesConnection Connect(string kubeconfig) =>
        KubernetesConnection.Create(new KubernetesConnectionOptions { Kubeconfig = kubeconfig, Timeouts = LiveCluster.FastTimeouts }, _ => null, home: null);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>No token in the message, nor anywhere in the chain of exceptions a user can reach from the error record.</summary>
    private static void AssertNoSecret(Exception error, params string[] secrets)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
            }
        }

        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
    }
}
