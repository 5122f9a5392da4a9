using System.Net.WebSockets;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// The channel framing every pod stream protocol shares: each binary WebSocket message is one channel byte and the
/// payload. Sends are serialised because a WebSocket allows one send at a time and several pumps write.
/// </summary>
internal sealed class ChannelFrames(WebSocket socket)
{
    private const int MaxPayload = 32 * 1024;
    private readonly SemaphoreSlim _sending = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        var frame = new byte[Math.Min(payload.Length, MaxPayload) + 1];
        frame[0] = channel;
        var offset = 0;
        do
        {
            var count = Math.Min(payload.Length - offset, MaxPayload);
            payload.Slice(offset, count).CopyTo(frame.AsMemory(1));
            await _sending.WaitAsync(ct);
            try
            {
                await Socket.SendAsync(frame.AsMemory(0, count + 1), WebSocketMessageType.Binary, true, ct);
            }
            finally
            {
                _sending.Release();
            }

            offset += count;
        }
        while (offset < payload.Length);
    }

    /// <summary>Sends the closing handshake while another loop keeps receiving (and so sees the client's close).</summary>
    public async Task CloseOutputAsync(CancellationToken ct)
    {
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, ct);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away first; there is nothing left to close.
        }
    }

    /// <summary>Ends the stream as the API server does: a normal closure, then waits briefly for the client's close.</summary>
    public async Task CloseAsync(CancellationToken ct)
    {
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, ct);
            using var linger = CancellationTokenSource.CreateLinkedTokenSource(ct);
            linger.CancelAfter(TimeSpan.FromSeconds(5));
            var buffer = new byte[1024];
            while (Socket.State == WebSocketState.CloseSent)
            {
                var received = await Socket.ReceiveAsync(buffer, linger.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // The client went away first; there is nothing left to close.
        }
    }
}
