using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Apply;

namespace MeshOps.Live.Tests.Kubernetes;

public sealed class KubectlGetTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    [KubectlFact]
    public async Task Kubectl_get_pods_as_yaml_prints_the_stored_objects()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "pods", "-n", "shop", "-o", "yaml");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var list = YamlJson.ParseObject(result.Stdout);
        Assert.Equal("List", (string?)list["kind"]);
        var items = list["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(["api-1", "web-1", "web-2"], items.Select(i => (string)i["metadata"]!["name"]!));
        foreach (var item in items)
        {
            var stored = fixture.Store.Get(string.Empty, "Pod", "shop", (string)item["metadata"]!["name"]!)!;
            Assert.True(JsonNode.DeepEquals(Normal(stored), Normal(item)), $"kubectl printed\n{item.ToJsonString()}\nthe store holds\n{stored.ToJsonString()}");
        }
    }

    [KubectlFact]
    public async Task Kubectl_get_deploy_with_a_label_selector_prints_the_matching_names()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "deploy", "-n", "shop", "-l", "app=web", "-o", "name");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("deployment.apps/web\n", result.Stdout);
    }

    [KubectlFact]
    public async Task Kubectl_get_a_consul_custom_resource_by_its_short_name_uses_the_context_namespace()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "service-defaults", "web", "-o", "jsonpath={.spec.protocol} {.status.conditions[0].type}");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("http Synced", result.Stdout);
    }

    [KubectlFact]
    public async Task Plain_kubectl_get_pods_prints_the_servers_table_with_readiness_and_a_waiting_reason()
    {
        fixture.Store.Put(KubernetesServerFixture.Json("""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"payments-0","namespace":"other"},
             "spec":{"containers":[{"name":"payments","image":"p:1"},{"name":"consul-dataplane","image":"d:1"}]},
             "status":{"phase":"Running","containerStatuses":[
               {"name":"payments","ready":false,"restartCount":4,"state":{"waiting":{"reason":"CrashLoopBackOff"}}},
               {"name":"consul-dataplane","ready":true,"restartCount":0,"state":{"running":{}}}]}}
            """));

        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "pods", "-n", "other", "--no-headers");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var row = result.Stdout.Split('\n').Single(l => l.StartsWith("payments-0", StringComparison.Ordinal));
        Assert.Equal(["payments-0", "1/2", "CrashLoopBackOff", "4"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4));
    }

    [KubectlFact]
    public async Task Kubectl_get_of_a_missing_object_reports_not_found()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "pod", "nope", "-n", "shop");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Error from server (NotFound): pods \"nope\" not found", result.Stderr, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_with_a_wrong_token_is_told_to_log_in()
    {
        var wrong = Path.Combine(fixture.Folder, "wrong-token");
        File.WriteAllText(wrong, File.ReadAllText(fixture.Kubeconfig).Replace(fixture.Server.Token, "not-the-token", StringComparison.Ordinal));

        var result = await Kubectl.RunAsync(wrong, "get", "pods", "-n", "shop");

        Assert.NotEqual(0, result.ExitCode);
        // kubectl 1.32's words for a 401 from discovery, as against a real cluster with an expired token.
        Assert.Contains("error: You must be logged in to the server", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Token, result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The same JSON whatever numeric representation each side parsed into.</summary>
    private static JsonNode Normal(JsonObject obj) => JsonNode.Parse(obj.ToJsonString())!;
}
