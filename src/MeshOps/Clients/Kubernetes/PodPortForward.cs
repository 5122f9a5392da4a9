using System.Net.Http;
using k8s;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Reaches a pod's port through the API server's <c>portforward</c> subresource (WebSocket, as kubectl does without
/// a local listener): a <see cref="Stream"/> per connection, and an <see cref="HttpMessageHandler"/> that opens one per
/// HTTP connection, so an <see cref="HttpClient"/> talks to Envoy admin (19000) or Consul (8500) inside a pod. Nothing
/// listens locally; disposing the stream or the handler closes the WebSocket and with it the pod-side connection.
/// </summary>
public static class PodPortForward
{
    /// <summary>How long opening a forward may take when the caller gives no deadline of its own.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens a forward to <paramref name="port"/> of <paramref name="pod"/>; failures name the pod and port.</summary>
    public static async Task<Stream> OpenAsync(IKubernetes kubernetes, string @namespace, string pod, int port, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var target = Describe(@namespace, pod, port);
        try
        {
            var socket = await kubernetes.WebSocketNamespacedPodPortForwardAsync(
                pod, @namespace, [port], WebSocketProtocol.V4BinaryWebsocketProtocol, cancellationToken: ct).ConfigureAwait(false);
            return new PodPortForwardStream(socket, target);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw await PodStreamFailure.DescribeAsync(kubernetes, target, @namespace, pod, null, e, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A handler whose every connection is a new forward to <paramref name="port"/> of <paramref name="pod"/>. Use it
    /// with any base address (<c>http://envoy-admin/</c>): the host is not resolved, only the pod is reached.
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(IKubernetes kubernetes, string @namespace, string pod, int port)
    {
        ArgumentNullException.ThrowIfNull(kubernetes);
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        return new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => await OpenAsync(kubernetes, @namespace, pod, port, ct).ConfigureAwait(false),
            ConnectTimeout = DefaultConnectTimeout,
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
    }

    internal static string Describe(string @namespace, string pod, int port) => $"a port-forward to pod {@namespace}/{pod} port {port}";
}
