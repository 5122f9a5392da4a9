namespace MeshOps.Live.Tests.Kubernetes;

public sealed class KubectlGetTests(KubernetesServerFixture fixture) : IClassFixture<KubernetesServerFixture>
{
    [KubectlFact]
    public async Task Kubectl_get_deploy_with_a_label_selector_prints_the_matching_names()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "get", "deploy", "-n", "shop", "-l", "app=web", "-o", "name");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("deployment.apps/web\n", result.Stdout);
    }
}
