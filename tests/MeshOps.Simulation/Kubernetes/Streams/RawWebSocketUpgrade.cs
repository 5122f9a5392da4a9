using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// The RFC 6455 handshake done by hand, for kubectl's <c>SPDY/3.1+portforward.k8s.io</c>: .NET refuses a subprotocol
/// containing '/' (not an RFC 7230 token), but kube-apiserver accepts and echoes it, and kubectl insists on it.
/// </summary>
internal static class RawWebSocketUpgrade
{
    private const string Guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    public static async Task<WebSocket> AcceptAsync(HttpContext context, string subProtocol)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
            throw new InvalidOperationException("The request cannot be upgraded.");
        var key = context.Request.Headers.SecWebSocketKey.ToString();
#pragma warning disable CA5350 // RFC 6455 defines Sec-WebSocket-Accept as SHA-1; it is a handshake check, not security.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + Guid)));
#pragma warning restore CA5350
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = accept;
        context.Response.Headers.SecWebSocketProtocol = subProtocol;
        var stream = await upgrade.UpgradeAsync();
        return WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
    }
}
