using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using MeshOps.Simulation.Pods;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// One port-forward over WebSocket as the kubelet serves it (pkg/kubelet/cri/streaming/portforward/websocket.go):
/// per requested port a data channel (2i) and an error channel (2i+1), each opened with the port as two
/// little-endian bytes; the data channel carries the TCP stream to the pod's port; a failed connect is written on the
/// error channel in the kubelet's words. The WebSocket closes when every port's connection has ended, and closing
/// the WebSocket closes the connections.
/// </summary>
internal sealed class PortForwardSession(ChannelFrames frames, PodNetwork network, string ns, string pod, string sandbox)
{
    public async Task RunAsync(IReadOnlyList<int> ports, CancellationToken ct)
    {
        var connections = new TcpClient?[ports.Count];
        try
        {
            for (var i = 0; i < ports.Count; i++)
            {
                var portBytes = new byte[2];
                BinaryPrimitives.WriteUInt16LittleEndian(portBytes, (ushort)ports[i]);
                await frames.SendAsync((byte)(2 * i), portBytes, ct);
                await frames.SendAsync((byte)(2 * i + 1), portBytes, ct);
            }

            var pumps = new List<Task>();
            for (var i = 0; i < ports.Count; i++)
            {
                connections[i] = await ConnectAsync(i, ports[i], ct);
                if (connections[i] is { } connection)
                    pumps.Add(PumpFromPodAsync((byte)(2 * i), connection.GetStream(), ct));
            }

            // One receive loop runs for the whole session (a WebSocket allows one receive at a time); it ends on the
            // client's close, which the closing handshake below also produces.
            var fromClient = PumpFromClientAsync(connections, ct);
            var fromPods = Task.WhenAll(pumps);
            if (await Task.WhenAny(fromPods, fromClient) == fromPods)
            {
                await frames.CloseOutputAsync(ct);
                await Task.WhenAny(fromClient, Task.Delay(TimeSpan.FromSeconds(5), ct));
                return;
            }

            foreach (var connection in connections)
                connection?.Dispose();
            await fromPods;
            await frames.CloseOutputAsync(ct);
        }
        finally
        {
            foreach (var connection in connections)
                connection?.Dispose();
        }
    }

    private async Task<TcpClient?> ConnectAsync(int index, int port, CancellationToken ct)
    {
        var target = network.Find(ns, pod, port);
        var client = new TcpClient();
        try
        {
            if (target is null)
                throw new SocketException((int)SocketError.ConnectionRefused);
            await client.ConnectAsync(target, ct);
            return client;
        }
        catch (SocketException)
        {
            client.Dispose();
            var message = $"error forwarding port {port} to pod {sandbox}, uid : failed to connect to localhost:{port} inside namespace \"{sandbox}\", " +
                $"IPv4: dial tcp4 127.0.0.1:{port}: connect: connection refused IPv6 dial tcp6 [::1]:{port}: connect: connection refused ";
            await frames.SendAsync((byte)(2 * index + 1), Encoding.UTF8.GetBytes(message), ct);
            return null;
        }
    }

    private async Task PumpFromPodAsync(byte channel, NetworkStream pod, CancellationToken ct)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            int read;
            while ((read = await pod.ReadAsync(buffer, ct)) > 0)
                await frames.SendAsync(channel, buffer.AsMemory(0, read), ct);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Either side went away; the session ends either way.
        }
    }

    private async Task PumpFromClientAsync(TcpClient?[] connections, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var message = new MemoryStream();
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await frames.Socket.ReceiveAsync(buffer.AsMemory(), ct);
                    if (received.MessageType == WebSocketMessageType.Close)
                        return;
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                var frame = message.GetBuffer().AsMemory(0, (int)message.Length);
                if (frame.Length < 2 || frame.Span[0] % 2 != 0)
                    continue;
                var index = frame.Span[0] / 2;
                if (index < connections.Length && connections[index] is { } connection)
                    await connection.GetStream().WriteAsync(frame[1..], ct);
            }
        }
        catch (ObjectDisposedException)
        {
            // The pod's side of this port closed while the client was still writing.
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or WebSocketException)
        {
            // The client closed the forward or went away; the session ends either way.
        }
    }
}
