using System.Text.Json.Nodes;

namespace MeshOps.Live.Tests.Kubernetes;

public sealed class KubectlApplyTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    [KubectlFact]
    public async Task Kubectl_apply_server_side_stores_the_object_with_the_managers_fields()
    {
        var file = WriteDeployment("applied-web", replicas: 3);

        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "apply", "--server-side", "-f", file, "--field-manager=a");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("deployment.apps/applied-web serverside-applied", result.Stdout, StringComparison.Ordinal);
        var stored = fixture.Store.Get("apps", "Deployment", "shop", "applied-web");
        Assert.NotNull(stored);
        Assert.Equal(3, (int)stored["spec"]!["replicas"]!);
        var entry = Assert.Single(stored["metadata"]!["managedFields"]!.AsArray());
        Assert.Equal("a", (string?)entry!["manager"]);
        Assert.Equal("Apply", (string?)entry["operation"]);
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:replicas"]);
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:template"]!["f:spec"]!["f:containers"]!["k:{\"name\":\"web\"}"]!["f:image"]);
    }

    [KubectlFact]
    public async Task A_conflicting_apply_by_another_manager_fails_with_the_servers_message_and_force_conflicts_wins()
    {
        Assert.Equal(0, (await Kubectl.RunAsync(fixture.Kubeconfig, "apply", "--server-side", "-f", WriteDeployment("contested", 3), "--field-manager=a")).ExitCode);

        var refused = await Kubectl.RunAsync(fixture.Kubeconfig, "apply", "--server-side", "-f", WriteDeployment("contested", 5), "--field-manager=b");

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"a\": .spec.replicas", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, (int)fixture.Store.Get("apps", "Deployment", "shop", "contested")!["spec"]!["replicas"]!);

        var forced = await Kubectl.RunAsync(fixture.Kubeconfig, "apply", "--server-side", "--force-conflicts", "-f", WriteDeployment("contested", 5), "--field-manager=b");

        Assert.True(forced.ExitCode == 0, forced.Stderr);
        var stored = fixture.Store.Get("apps", "Deployment", "shop", "contested")!;
        Assert.Equal(5, (int)stored["spec"]!["replicas"]!);
        var owners = stored["metadata"]!["managedFields"]!.AsArray().ToDictionary(e => (string)e!["manager"]!, e => e!["fieldsV1"]!);
        Assert.NotNull(owners["b"]["f:spec"]!["f:replicas"]);
        Assert.Null(owners["a"]["f:spec"]!["f:replicas"]);
    }

    [KubectlFact]
    public async Task Kubectl_apply_with_server_dry_run_stores_nothing()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "apply", "--server-side", "--dry-run=server", "-f", WriteDeployment("dry", 1), "--field-manager=a");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("deployment.apps/dry serverside-applied (server dry run)", result.Stdout, StringComparison.Ordinal);
        Assert.Null(fixture.Store.Get("apps", "Deployment", "shop", "dry"));
    }

    [KubectlFact]
    public async Task Kubectl_create_stores_the_object_with_its_update_manager_and_kubectl_delete_removes_it()
    {
        var file = Path.Combine(fixture.Folder, "made.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: made\ndata:\n  retries: \"3\"\n");

        var created = await Kubectl.RunAsync(fixture.Kubeconfig, "create", "-f", file);

        Assert.True(created.ExitCode == 0, created.Stderr);
        var stored = fixture.Store.Get(string.Empty, "ConfigMap", "shop", "made")!;
        Assert.Equal("3", (string?)stored["data"]!["retries"]);
        Assert.Equal("kubectl-create", (string?)stored["metadata"]!["managedFields"]![0]!["manager"]);

        var deleted = await Kubectl.RunAsync(fixture.Kubeconfig, "delete", "configmap", "made");

        Assert.True(deleted.ExitCode == 0, deleted.Stderr);
        Assert.Equal("configmap \"made\" deleted\n", deleted.Stdout);
        Assert.Null(fixture.Store.Get(string.Empty, "ConfigMap", "shop", "made"));
    }

    private string WriteDeployment(string name, int replicas)
    {
        var path = Path.Combine(fixture.Folder, $"{name}-{replicas}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {name}
              namespace: shop
              labels:
                app: web
            spec:
              replicas: {replicas}
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: "nginx:1.27"
                    ports:
                    - containerPort: 80
            """);
        return path;
    }
}
