using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MeshOps.Simulation.Envoy;
using Microsoft.AspNetCore.WebUtilities;

namespace MeshOps.Simulation.Faults;

/// <summary>What a <see cref="FaultyEnvoyAdmin"/> does wrong with every answer.</summary>
public enum EnvoyAdminFaultKind
{
    /// <summary>Answers correctly: the control.</summary>
    None,

    /// <summary>Answers only after <see cref="FaultyEnvoyAdmin.Delay"/>.</summary>
    Slow,

    /// <summary>Promises the whole body in Content-Length, sends half, closes.</summary>
    TruncatedLength,

    /// <summary>Sends half the body as chunks and closes without the final zero-length chunk.</summary>
    TruncatedChunked,

    /// <summary>Answers 503 Service Unavailable.</summary>
    ServiceUnavailable,

    /// <summary>Promises a 10 GiB body in Content-Length.</summary>
    OversizedLength,

    /// <summary>Streams chunks without end (up to 256 MiB) until the client hangs up.</summary>
    OversizedChunked,
}

/// <summary>
/// An Envoy admin on 127.0.0.1 that fails at the socket, where Kestrel would not let a server fail: it writes the
/// HTTP/1.1 answer itself, taking each body from a real <see cref="SimulatedEnvoyAdmin"/> behind it (so a client sees
/// the real /server_info, /stats, /clusters…) and breaking it as <see cref="Kind"/> says. One answer per connection.
/// </summary>
public sealed class FaultyEnvoyAdmin : IAsyncDisposable
{
    private const long ChunkedLimit = 256L * 1024 * 1024;
    private readonly SimulatedEnvoyAdmin _real;
    private readonly HttpClient _inner;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private Task _accepting = Task.CompletedTask;
    private int _requests;

    private FaultyEnvoyAdmin(SimulatedEnvoyAdmin real, EnvoyAdminFaultKind kind, TimeSpan delay)
    {
        _real = real;
        Kind = kind;
        Delay = delay;
        _inner = new HttpClient { BaseAddress = real.BaseAddress };
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public EnvoyAdminFaultKind Kind { get; }

    /// <summary>How long a <see cref="EnvoyAdminFaultKind.Slow"/> answer waits.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Requests received so far (each attempt of a retrying client is one).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress => new($"http://{_listener.LocalEndpoint}/");

    public static async Task<FaultyEnvoyAdmin> StartAsync(EnvoyAdminFaultKind kind, EnvoyAdminData? data = null, TimeSpan? delay = null)
    {
        var real = await SimulatedEnvoyAdmin.StartAsync(data ?? EnvoyAdminData.For("payments", "default", "payments-0", "10.244.0.30", "products-api"));
        var admin = new FaultyEnvoyAdmin(real, kind, delay ?? TimeSpan.FromMinutes(2));
        admin._listener.Start();
        admin._accepting = admin.AcceptAsync();
        return admin;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _inner.Dispose();
        await _real.DisposeAsync();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream, _stop.Token);
                if (path is null)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                await AnswerAsync(stream, path, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up (it refused a body, or timed out) or the server is stopping.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, string path, CancellationToken ct)
    {
        if (Kind == EnvoyAdminFaultKind.ServiceUnavailable)
        {
            await WriteAsync(stream, Head(503, "text/plain", "Content-Length: 19") + "simulated 503 admin", ct);
            return;
        }

        if (Kind == EnvoyAdminFaultKind.Slow)
        {
            await Task.Delay(Delay, ct);
        }

        using var real = await _inner.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative), ct);
        var body = await real.Content.ReadAsByteArrayAsync(ct);
        var status = (int)real.StatusCode;
        var type = real.Content.Headers.ContentType?.ToString() ?? "text/plain";
        switch (Kind)
        {
            case EnvoyAdminFaultKind.TruncatedLength:
                await WriteAsync(stream, Head(status, type, $"Content-Length: {body.Length}"), ct);
                await stream.WriteAsync(body.AsMemory(0, body.Length / 2), ct);
                break;
            case EnvoyAdminFaultKind.TruncatedChunked:
                await WriteAsync(stream, Head(status, type, "Transfer-Encoding: chunked"), ct);
                await WriteChunkAsync(stream, body.AsMemory(0, body.Length / 2), ct);
                break;
            case EnvoyAdminFaultKind.OversizedLength:
                await WriteAsync(stream, Head(status, type, "Content-Length: 10737418240"), ct);
                await stream.WriteAsync(body, ct);
                await DrainUntilClosedAsync(stream, ct);
                break;
            case EnvoyAdminFaultKind.OversizedChunked:
                await WriteAsync(stream, Head(status, type, "Transfer-Encoding: chunked"), ct);
                var filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("cluster.filler.upstream_cx_total: 0\n", 2048)));
                for (long sent = 0; sent < ChunkedLimit; sent += filler.Length)
                {
                    await WriteChunkAsync(stream, filler, ct);
                }

                break;
            default:
                await WriteAsync(stream, Head(status, type, $"Content-Length: {body.Length}"), ct);
                await stream.WriteAsync(body, ct);
                break;
        }

        await stream.FlushAsync(ct);
    }

    private static string Head(int status, string contentType, string framing) =>
        string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {ReasonPhrases.GetReasonPhrase(status)}\r\nContent-Type: {contentType}\r\n{framing}\r\nConnection: close\r\n\r\n");

    private static Task WriteAsync(NetworkStream stream, string text, CancellationToken ct) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask();

    private static async Task WriteChunkAsync(NetworkStream stream, ReadOnlyMemory<byte> chunk, CancellationToken ct)
    {
        await WriteAsync(stream, chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n", ct);
        await stream.WriteAsync(chunk, ct);
        await WriteAsync(stream, "\r\n", ct);
    }

    /// <summary>Holds the connection open until the client closes it, as a server still sending would.</summary>
    private static async Task DrainUntilClosedAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[1024];
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(TimeSpan.FromSeconds(30));
        while (await stream.ReadAsync(buffer, bounded.Token) > 0)
        {
        }
    }

    /// <summary>The path of a GET request, once its head has arrived; null when the client sent none.</summary>
    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream, CancellationToken ct)
    {
        var head = new StringBuilder();
        var buffer = new byte[4096];
        while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, ct);
            if (read == 0 || head.Length > 65536)
            {
                return null;
            }

            head.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        var requestLine = head.ToString()[..head.ToString().IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
        return requestLine.Length == 3 ? requestLine[1] : null;
    }
}
