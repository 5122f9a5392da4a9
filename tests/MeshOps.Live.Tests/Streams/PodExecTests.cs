using System.Net.WebSockets;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.Live.Tests.Streams;

public sealed class PodExecTests(PodStreamsFixture fixture) : IClassFixture<PodStreamsFixture>
{
    [Fact]
    public async Task Exec_reads_proc_net_tcp_and_tcp6_of_a_container()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var tcp = await PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["cat", "/proc/net/tcp"]);
        var tcp6 = await PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["cat", "/proc/net/tcp6"]);

        Assert.Equal(new PodExecResult(PodStreamsFixture.ProcNetTcp, string.Empty, 0), tcp);
        Assert.Equal(new PodExecResult(PodStreamsFixture.ProcNetTcp6, string.Empty, 0), tcp6);
    }

    [Fact]
    public async Task A_missing_file_gives_cats_message_and_exit_code_1()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var result = await PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["cat", "/proc/net/udp"]);

        Assert.Equal(new PodExecResult(string.Empty, "cat: /proc/net/udp: No such file or directory\n", 1), result);
    }

    [Fact]
    public async Task A_command_the_container_does_not_have_exits_126_with_the_runtimes_message()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var result = await PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, PodStreamsFixture.App, ["ss", "-ltn"]);

        Assert.Equal(126, result.ExitCode);
        Assert.Contains("exec: \"ss\": executable file not found in $PATH", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_the_pod_does_not_have_is_an_error_naming_pod_container_and_the_servers_reason_without_the_token()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var error = await Assert.ThrowsAsync<PodStreamException>(() =>
            PodExec.RunAsync(kubernetes, "shop", PodStreamsFixture.Pod, "envoy-sidecar", ["cat", "/proc/net/tcp"]));

        Assert.Contains("pod shop/public-api-1 container envoy-sidecar", error.Message, StringComparison.Ordinal);
        Assert.Contains("answered 400: container envoy-sidecar is not valid for pod public-api-1 (its containers: public-api, consul-dataplane)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Server.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_speaks_v4_to_a_client_that_offers_only_v4_and_ends_with_the_exit_status()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        using var socket = await kubernetes.WebSocketNamespacedPodExecAsync(
            PodStreamsFixture.Pod, "shop", ["cat", "/nope"], PodStreamsFixture.App, stdin: false, tty: false, webSocketSubProtocol: "v4.channel.k8s.io");
        var frames = new List<byte[]>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (received.MessageType == WebSocketMessageType.Close)
                break;
            frames.Add(buffer[..received.Count]);
        }

        Assert.Equal("v4.channel.k8s.io", socket.SubProtocol);
        Assert.Equal([2, 3], frames.Select(f => (int)f[0]));
        Assert.Equal(
            """{"metadata":{},"status":"Failure","message":"command terminated with non-zero exit code: error executing command [cat /nope], exit code 1","reason":"NonZeroExitCode","details":{"causes":[{"reason":"ExitCode","message":"1"}]}}""",
            System.Text.Encoding.UTF8.GetString(frames[1].AsSpan(1)));
    }

    [Fact]
    public async Task An_unsupported_subprotocol_is_refused_before_the_upgrade()
    {
        using var kubernetes = SimulatedPodClient.Create(fixture);

        var error = await Assert.ThrowsAsync<WebSocketException>(() => kubernetes.WebSocketNamespacedPodExecAsync(
            PodStreamsFixture.Pod, "shop", ["cat", "/proc/net/tcp"], PodStreamsFixture.App, webSocketSubProtocol: "v3.channel.k8s.io"));

        Assert.Contains("'400'", error.Message, StringComparison.Ordinal);
    }
}
