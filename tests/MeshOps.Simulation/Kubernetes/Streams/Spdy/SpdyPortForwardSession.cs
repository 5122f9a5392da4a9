using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MeshOps.Simulation.Pods;

namespace MeshOps.Simulation.Kubernetes.Streams.Spdy;

/// <summary>
/// Port-forward over SPDY/3.1 as the kubelet serves it (pkg/kubelet/cri/streaming/portforward/httpstream.go), for
/// kubectl: per forwarded connection the client opens an error stream and a data stream carrying the same
/// <c>requestID</c> and <c>port</c> headers; each is answered with an empty SYN_REPLY; the pair is connected to the
/// pod's port, and a failed connect is written on the error stream in the kubelet's words. The same session runs on a
/// plain SPDY upgrade and on kubectl 1.31+'s SPDY tunnelled in WebSocket binary messages.
/// </summary>
internal sealed class SpdyPortForwardSession(Stream connection, PodNetwork network, string ns, string pod, string sandbox) : IDisposable
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly ZlibInflater _headers = new(SpdyHeaderDictionary.Bytes);
    private readonly Dictionary<string, uint> _errorStreams = [];
    private readonly Dictionary<uint, NetworkStream> _dataStreams = [];
    private readonly List<IDisposable> _open = [];
    private bool _headerStarted;

    public async Task RunAsync(CancellationToken ct)
    {
        try
        {
            while (await SpdyFrame.ReadAsync(connection, ct) is { } frame)
            {
                if (frame.IsData)
                    await OnDataAsync(frame, ct);
                else if (frame.Type == SpdyFrame.SynStream)
                    await OnSynStreamAsync(frame, ct);
                else if (frame.Type == SpdyFrame.Ping)
                    await WriteAsync(SpdyFrame.Control(SpdyFrame.Ping, 0, frame.Payload), ct);
                else if (frame.Type == SpdyFrame.GoAway)
                    return;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
        {
            // kubectl went away; every forwarded connection closes below.
        }
    }

    public void Dispose()
    {
        foreach (var open in _open)
            open.Dispose();
        _headers.Dispose();
        _writing.Dispose();
    }

    private async Task OnSynStreamAsync(SpdyFrame frame, CancellationToken ct)
    {
        var headers = SpdyFrame.Headers(_headers.Inflate(frame.Payload.AsSpan(10)));
        var reply = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(reply, frame.StreamId);
        await WriteAsync(SpdyFrame.Control(SpdyFrame.SynReply, 0, [.. reply, .. EmptyHeaderBlock()]), ct);
        var requestId = headers.GetValueOrDefault("requestid") ?? string.Empty;
        if (headers.GetValueOrDefault("streamtype") == "error")
        {
            _errorStreams[requestId] = frame.StreamId;
            return;
        }

        if (!int.TryParse(headers.GetValueOrDefault("port"), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            return;
        var errorStream = _errorStreams.GetValueOrDefault(requestId);
        var target = network.Find(ns, pod, port);
        var client = new TcpClient();
        _open.Add(client);
        try
        {
            if (target is null)
                throw new SocketException((int)SocketError.ConnectionRefused);
            await client.ConnectAsync(target, ct);
        }
        catch (SocketException)
        {
            var message = $"error forwarding port {port} to pod {sandbox}, uid : failed to connect to localhost:{port} inside namespace \"{sandbox}\", " +
                $"IPv4: dial tcp4 127.0.0.1:{port}: connect: connection refused IPv6 dial tcp6 [::1]:{port}: connect: connection refused ";
            if (errorStream != 0)
                await WriteAsync(SpdyFrame.Data(errorStream, Encoding.UTF8.GetBytes(message), fin: true), ct);
            await WriteAsync(SpdyFrame.Data(frame.StreamId, [], fin: true), ct);
            return;
        }

        var podStream = client.GetStream();
        _dataStreams[frame.StreamId] = podStream;
        _ = PumpFromPodAsync(frame.StreamId, errorStream, podStream, ct);
    }

    private async Task OnDataAsync(SpdyFrame frame, CancellationToken ct)
    {
        if (!_dataStreams.TryGetValue(frame.StreamId, out var podStream))
            return;
        try
        {
            if (frame.Payload.Length > 0)
                await podStream.WriteAsync(frame.Payload, ct);
            if ((frame.Flags & SpdyFrame.Fin) != 0)
                podStream.Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The pod closed its side; its pump reports the end.
        }
    }

    private async Task PumpFromPodAsync(uint dataStream, uint errorStream, NetworkStream podStream, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await podStream.ReadAsync(buffer, ct)) > 0)
                await WriteAsync(SpdyFrame.Data(dataStream, buffer.AsSpan(0, read), fin: false), ct);
            await WriteAsync(SpdyFrame.Data(dataStream, [], fin: true), ct);
            if (errorStream != 0)
                await WriteAsync(SpdyFrame.Data(errorStream, [], fin: true), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Net.WebSockets.WebSocketException)
        {
            // Either side went away.
        }
    }

    private byte[] EmptyHeaderBlock()
    {
        var block = SpdyFrame.EmptyHeaderBlock(!_headerStarted);
        _headerStarted = true;
        return block;
    }

    private async Task WriteAsync(byte[] frame, CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            await connection.WriteAsync(frame, ct);
            await connection.FlushAsync(ct);
        }
        finally
        {
            _writing.Release();
        }
    }
}
