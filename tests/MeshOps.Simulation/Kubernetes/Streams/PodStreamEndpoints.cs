using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Net.WebSockets;
using MeshOps.Simulation.Kubernetes.Api;
using MeshOps.Simulation.Kubernetes.Streams.Spdy;
using MeshOps.Simulation.Pods;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// The pod subresources that upgrade to WebSocket: <c>exec</c> (v5/v4.channel.k8s.io) and <c>portforward</c>
/// (v4.channel.k8s.io, and SPDY/3.1 for kubectl, plain or tunnelled in WebSocket). The API server maps them with its other routes, after <c>UseWebSockets</c>. What is checked
/// before the upgrade answers with a Status as kube-apiserver does (pod not found, container not valid); a subprotocol
/// it does not speak fails the handshake with 400, as wsstream does.
/// </summary>
public static class PodStreamEndpoints
{
    private static readonly string[] Methods = ["GET", "POST"];
    private static readonly ApiResource Exec = new(string.Empty, "v1", "Pod", "pods/exec", string.Empty, Namespaced: true, []);
    private static readonly ApiResource PortForward = new(string.Empty, "v1", "Pod", "pods/portforward", string.Empty, Namespaced: true, []);

    /// <param name="access">RBAC: kube-apiserver authorises both subresources as create (for GET WebSocket upgrades too, since 1.31).</param>
    public static void Map(IEndpointRouteBuilder routes, ObjectStore store, PodNetwork network, PodFiles files, AccessRules access)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(files);
        routes.MapMethods("/api/v1/namespaces/{ns}/pods/{name}/exec", Methods,
            (HttpContext context, string ns, string name) => Guarded(context, () =>
            {
                access.Check("create", Exec, ns);
                return ExecAsync(context, store, files, ns, name);
            }));
        routes.MapMethods("/api/v1/namespaces/{ns}/pods/{name}/portforward", Methods,
            (HttpContext context, string ns, string name) => Guarded(context, () =>
            {
                access.Check("create", PortForward, ns);
                return PortForwardAsync(context, store, network, ns, name);
            }));
    }

    private static async Task Guarded(HttpContext context, Func<Task> handle)
    {
        try
        {
            await handle();
        }
        catch (StatusException failure)
        {
            await ApiResponses.WriteAsync(context, failure);
        }
    }

    private static async Task ExecAsync(HttpContext context, ObjectStore store, PodFiles files, string ns, string name)
    {
        var pod = PodLookup.Pod(store, ns, name);
        var query = context.Request.Query;
        var command = query["command"].Where(c => c is not null).Select(c => c!).ToList();
        if (command.Count == 0)
            throw StatusException.BadRequest("you must specify at least 1 command");
        var container = PodLookup.Container(pod, name, query["container"].ToString());
        var protocol = await UpgradeAsync(context, StreamProtocols.Exec);
        if (protocol is null)
            return;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol.Length == 0 ? null : protocol);
        var options = new ExecOptions(Flag(query["stdout"]), Flag(query["stderr"]), Flag(query["tty"]));
        var result = SimulatedCommand.Run(files, ns, name, container, command);
        await PodExecSession.RunAsync(new ChannelFrames(socket), result, command, options, context.RequestAborted);
    }

    private static async Task PortForwardAsync(HttpContext context, ObjectStore store, PodNetwork network, string ns, string name)
    {
        var pod = PodLookup.Pod(store, ns, name);
        var sandbox = SandboxId(pod);
        if (context.WebSockets.IsWebSocketRequest && StreamProtocols.Negotiate(context.WebSockets.WebSocketRequestedProtocols, [StreamProtocols.SpdyTunnel]) is { Length: > 0 } tunnel)
        {
            using var tunnelled = await RawWebSocketUpgrade.AcceptAsync(context, tunnel);
            await using var stream = WebSocketStream.Create(tunnelled, WebSocketMessageType.Binary, ownsWebSocket: false);
            await RunSpdyAsync(stream, network, ns, name, sandbox, context.RequestAborted);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest && context.Request.Headers.Upgrade.ToString().StartsWith("SPDY/3.1", StringComparison.OrdinalIgnoreCase))
        {
            await SpdyUpgradeAsync(context, network, ns, name, sandbox);
            return;
        }

        var ports = new List<int>();
        foreach (var value in context.Request.Query["ports"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
                throw StatusException.BadRequest($"invalid port \"{value}\": must be between 1 and 65535, inclusive");
            ports.Add(port);
        }

        if (ports.Count == 0)
            throw StatusException.BadRequest("at least one port must be specified");
        var protocol = await UpgradeAsync(context, StreamProtocols.Forward);
        if (protocol is null)
            return;
        using var socket = await context.WebSockets.AcceptWebSocketAsync(protocol.Length == 0 ? null : protocol);
        var session = new PortForwardSession(new ChannelFrames(socket), network, ns, name, sandbox);
        await session.RunAsync(ports, context.RequestAborted);
    }

    /// <summary>The HTTP/1.1 upgrade to SPDY/3.1 that kubectl falls back to when the WebSocket tunnel is refused.</summary>
    private static async Task SpdyUpgradeAsync(HttpContext context, PodNetwork network, string ns, string name, string sandbox)
    {
        var upgrade = context.Features.Get<IHttpUpgradeFeature>();
        if (upgrade is not { IsUpgradableRequest: true })
            throw StatusException.BadRequest("unable to upgrade: the request is not an HTTP/1.1 upgrade");
        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = "SPDY/3.1";
        context.Response.Headers["X-Stream-Protocol-Version"] = StreamProtocols.PortForward;
        await using var stream = await upgrade.UpgradeAsync();
        await RunSpdyAsync(stream, network, ns, name, sandbox, context.RequestAborted);
    }

    private static async Task RunSpdyAsync(Stream stream, PodNetwork network, string ns, string name, string sandbox, CancellationToken ct)
    {
        using var session = new SpdyPortForwardSession(stream, network, ns, name, sandbox);
        await session.RunAsync(ct);
    }

    /// <summary>The negotiated subprotocol, or null after answering a request that cannot be upgraded.</summary>
    private static async Task<string?> UpgradeAsync(HttpContext context, IReadOnlyList<string> supported)
    {
        if (!context.WebSockets.IsWebSocketRequest)
            throw StatusException.BadRequest("Upgrade request required");
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var protocol = StreamProtocols.Negotiate(offered, supported);
        if (protocol is not null)
            return protocol;
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            $"requested protocol(s) are not supported: [{string.Join(' ', offered)}]; supports [{string.Join(' ', supported)}]\n",
            context.RequestAborted);
        return null;
    }

    private static bool Flag(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is "1" or "true";

    /// <summary>A CRI pod sandbox ID (64 hex digits) for the pod, which the kubelet's port-forward errors name.</summary>
    private static string SandboxId(JsonObject pod) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes((string?)pod["metadata"]?["uid"] ?? string.Empty)));
}
