using System.Net.WebSockets;
using System.Text;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// The byte stream of one forwarded port over the kubelet's WebSocket port-forward protocol: channel 0 carries the
/// data and channel 1 the kubelet's error text, each opened by the port as two little-endian bytes (which
/// KubernetesClient's StreamDemuxer also skips). Reads are truly asynchronous and cancellable, which the demuxer's
/// blocking <c>MuxedStream.Read</c> is not; an error-channel message becomes a <see cref="PodStreamException"/>.
/// </summary>
internal sealed class PodPortForwardStream(WebSocket socket, string target) : Stream
{
    private const byte DataChannel = 0;
    private const byte ErrorChannel = 1;
    private readonly byte[] _receive = new byte[64 * 1024];
    private readonly int[] _portBytesLeft = [2, 2];
    private readonly SemaphoreSlim _sending = new(1, 1);
    private ReadOnlyMemory<byte> _pending;
    private int _messageChannel = -1;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!_pending.IsEmpty)
            {
                var count = Math.Min(buffer.Length, _pending.Length);
                _pending[..count].CopyTo(buffer);
                _pending = _pending[count..];
                return count;
            }

            if (_ended)
                return 0;
            await ReceiveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var frame = new byte[buffer.Length + 1];
        frame[0] = DataChannel;
        buffer.CopyTo(frame.AsMemory(1));
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
        {
            throw new PodStreamException($"Writing to {target} failed: the connection through the API server was closed.", e);
        }
        finally
        {
            _sending.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Abort rather than a closing handshake: the pod-side connection ends either way, and a dispose must not wait.
            socket.Abort();
            socket.Dispose();
            _sending.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Receives one WebSocket fragment and files its payload under its channel.</summary>
    private async Task ReceiveAsync(CancellationToken ct)
    {
        ValueWebSocketReceiveResult received;
        try
        {
            received = await socket.ReceiveAsync(_receive.AsMemory(), ct).ConfigureAwait(false);
        }
        catch (WebSocketException e)
        {
            throw new PodStreamException($"Reading from {target} failed: the connection through the API server was closed unexpectedly.", e);
        }

        if (received.MessageType == WebSocketMessageType.Close)
        {
            _ended = true;
            return;
        }

        var payload = _receive.AsMemory(0, received.Count);
        if (_messageChannel < 0)
        {
            if (payload.IsEmpty)
                return;
            _messageChannel = payload.Span[0];
            payload = payload[1..];
        }

        var channel = _messageChannel;
        if (received.EndOfMessage)
            _messageChannel = -1;
        if (channel is DataChannel or ErrorChannel)
        {
            var skip = Math.Min(_portBytesLeft[channel], payload.Length);
            _portBytesLeft[channel] -= skip;
            payload = payload[skip..];
        }

        if (channel == DataChannel)
            _pending = payload;
        else if (channel == ErrorChannel && !payload.IsEmpty)
            throw new PodStreamException($"The kubelet could not open {target}: {Encoding.UTF8.GetString(payload.Span).Trim()}");
    }
}
