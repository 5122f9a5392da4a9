using MeshOps.Live.Tests.Kubernetes;

namespace MeshOps.Live.Tests.Streams;

/// <summary>The real kubectl (1.32: WebSocket v5 for exec by default) against the simulated API server's exec.</summary>
public sealed class KubectlExecTests(PodStreamsFixture fixture) : IClassFixture<PodStreamsFixture>
{
    [KubectlFact]
    public async Task Kubectl_exec_cat_proc_net_tcp_prints_the_containers_file()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "exec", "-n", "shop", PodStreamsFixture.Pod, "-c", PodStreamsFixture.App, "--", "cat", "/proc/net/tcp");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(PodStreamsFixture.ProcNetTcp, result.Stdout);
    }

    [KubectlFact]
    public async Task Kubectl_exec_of_a_missing_file_prints_cats_error_and_exits_with_its_code()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "exec", "-n", "shop", PodStreamsFixture.Pod, "-c", PodStreamsFixture.App, "--", "cat", "/etc/missing");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Equal("cat: /etc/missing: No such file or directory\ncommand terminated with exit code 1\n", result.Stderr);
    }

    [KubectlFact]
    public async Task Kubectl_exec_in_a_container_the_pod_does_not_have_fails_with_the_servers_message()
    {
        var result = await Kubectl.RunAsync(fixture.Kubeconfig, "exec", "-n", "shop", PodStreamsFixture.Pod, "-c", "nope", "--", "cat", "/proc/net/tcp");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("container nope is not valid for pod public-api-1", result.Stderr, StringComparison.Ordinal);
    }
}
