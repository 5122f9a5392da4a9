using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using k8s;
using k8s.Models;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Runs a command in a container through the API server's <c>exec</c> subresource, without stdin or a TTY, and
/// returns its output and exit code from the kubelet's status channel. It asks for <c>v5.channel.k8s.io</c> as
/// kubectl 1.30+ does and falls back to <c>v4.channel.k8s.io</c> for an older API server that refuses v5.
/// </summary>
public static class PodExec
{
    /// <summary>How long a command may run when the caller gives no deadline of its own.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The most output kept per stream: <c>/proc/net/tcp</c> of a busy proxy is far smaller.</summary>
    private const int MaxOutputBytes = 16 * 1024 * 1024;

    public static Task<PodExecResult> RunAsync(IKubernetes kubernetes, string @namespace, string pod, string container, IReadOnlyList<string> command, CancellationToken ct = default) =>
        RunAsync(kubernetes, @namespace, pod, container, command, DefaultTimeout, ct);

    public static async Task<PodExecResult> RunAsync(
        IKubernetes kubernetes, string @namespace, string pod, string container, IReadOnlyList<string> command, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentOutOfRangeException.ThrowIfZero(command.Count);
        var target = $"the command [{string.Join(' ', command)}] in pod {@namespace}/{pod} container {container}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var socket = await ConnectAsync(kubernetes, @namespace, pod, container, command, target, deadline.Token).ConfigureAwait(false);
            return await ReadAsync(socket, target, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{Capitalised(target)} did not finish within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
    }

    private static async Task<WebSocket> ConnectAsync(
        IKubernetes kubernetes, string @namespace, string pod, string container, IReadOnlyList<string> command, string target, CancellationToken ct)
    {
        Task<WebSocket> Connect(string protocol) => kubernetes.WebSocketNamespacedPodExecAsync(
            pod, @namespace, command, container, stderr: true, stdin: false, stdout: true, tty: false, webSocketSubProtocol: protocol, cancellationToken: ct);

        try
        {
            return await Connect(WebSocketProtocol.V5BinaryWebsocketProtocol).ConfigureAwait(false);
        }
        catch (Exception first) when (first is not OperationCanceledException && !IsFinal(first))
        {
            try
            {
                return await Connect(WebSocketProtocol.V4BinaryWebsocketProtocol).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw await PodStreamFailure.DescribeAsync(kubernetes, target, @namespace, pod, container, e, ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw await PodStreamFailure.DescribeAsync(kubernetes, target, @namespace, pod, container, e, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A refusal that another subprotocol would not change: credentials, RBAC, no such pod or container.</summary>
    private static bool IsFinal(Exception failure) => PodStreamFailure.StatusCode(failure) is 401 or 403 or 404;

    private static async Task<PodExecResult> ReadAsync(WebSocket socket, string target, CancellationToken ct)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var status = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var channel = -1;
        while (true)
        {
            ValueWebSocketReceiveResult received;
            try
            {
                received = await socket.ReceiveAsync(buffer.AsMemory(), ct).ConfigureAwait(false);
            }
            catch (WebSocketException e)
            {
                throw new PodStreamException($"{Capitalised(target)} lost its connection through the API server before it finished.", e);
            }

            if (received.MessageType == WebSocketMessageType.Close)
                break;
            var payload = buffer.AsMemory(0, received.Count);
            if (channel < 0 && !payload.IsEmpty)
            {
                channel = payload.Span[0];
                payload = payload[1..];
            }

            var sink = channel switch
            {
                1 => stdout,
                2 => stderr,
                3 => status,
                _ => null,
            };
            if (sink is not null)
            {
                if (sink.Length + payload.Length > MaxOutputBytes)
                    throw new PodStreamException($"{Capitalised(target)} printed more than {MaxOutputBytes / (1024 * 1024)} MiB; stopped reading.");
                sink.Write(payload.Span);
            }

            if (received.EndOfMessage)
                channel = -1;
        }

        await CloseQuietlyAsync(socket).ConfigureAwait(false);
        return new PodExecResult(Text(stdout), Text(stderr), ExitCode(Text(status), target));
    }

    /// <summary>The exit code from the kubelet's Status: 0 for Success, the ExitCode cause for NonZeroExitCode.</summary>
    private static int ExitCode(string statusJson, string target)
    {
        if (statusJson.Length == 0)
            throw new PodStreamException($"{Capitalised(target)} ended without an exit status from the kubelet.");
        V1Status status;
        try
        {
            status = KubernetesJson.Deserialize<V1Status>(statusJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new PodStreamException($"{Capitalised(target)} ended with a status that is not a Kubernetes Status: {statusJson}", e);
        }

        if (status.Status == "Success")
            return 0;
        var exitCode = status.Details?.Causes?.FirstOrDefault(c => c.Reason == "ExitCode")?.Message;
        if (status.Reason == "NonZeroExitCode" && int.TryParse(exitCode, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            return code;
        throw new PodStreamException($"{Capitalised(target)} could not run: {status.Message}");
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            // The API server already dropped the connection; the result is complete.
        }
    }

    private static string Text(MemoryStream stream) => Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
