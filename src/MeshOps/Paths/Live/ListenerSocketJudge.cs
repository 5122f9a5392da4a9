using System.Net;
using System.Net.Sockets;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// The Listener hop from the destination pod's listening sockets, with Consul's semantics: the sidecar's local_app
/// cluster dials 127.0.0.1:&lt;service port&gt; (::1 in an IPv6 pod; consul-k8s endpoints controller,
/// Proxy.LocalServiceAddress), so a socket that accepts that address serves mesh callers, and one bound only to the
/// pod IP refuses Envoy, which reports "delayed connect error: 111".
/// </summary>
internal static class ListenerSocketJudge
{
    /// <summary>
    /// The sockets consul-dataplane and its Envoy open in every injected pod (consul-k8s connect-inject): public
    /// listener 20000, admin 19000, readiness 21000, transparent-proxy outbound 15001, graceful shutdown 20600,
    /// merged metrics 20200, DNS proxy 8600. They are not the app's, so they never answer "where does it listen".
    /// </summary>
    private static readonly HashSet<int> EnvoyPorts = [20000, 19000, 21000, 15001, 20600, 20200, 8600];

    public static HopJudgement Judge(ListenerData probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var port = probe.TargetPort;
        var dialled = LocalAppAddress(probe.PodIp);
        var confirm = $"kubectl exec -n {probe.Namespace} {probe.Pod} -c {probe.Container} -- cat /proc/net/tcp /proc/net/tcp6";
        var onPort = probe.Sockets.Where(s => s.Port == port).ToList();
        var evidence = onPort.Select(s => $"pod {probe.Pod}: {Table(s)}: {s} LISTEN{(IsPodIp(s, probe) ? " (the pod IP)" : "")}").ToList();

        if (onPort.FirstOrDefault(s => IsWildcard(s.Address, dialled)) is { } open)
        {
            return new HopJudgement(PathHopStatus.Pass, evidence, $"{probe.Container} listens on {open}", "", confirm);
        }

        if (!probe.HasSidecar)
        {
            return WithoutSidecar(probe, onPort, evidence, confirm);
        }

        if (onPort.FirstOrDefault(s => IsLoopback(s.Address, dialled)) is { } loopback)
        {
            evidence.Add($"pod {probe.Pod}: {loopback} is loopback only: the sidecar dials {Endpoint(dialled, port)} and reaches it, "
                + "but callers outside the mesh (no sidecar) cannot reach it");
            return new HopJudgement(PathHopStatus.Pass, evidence, $"{probe.Container} listens on {loopback} (mesh callers only)", "", confirm);
        }

        var fix = $"bind {probe.Container} to {Endpoint(Any(dialled), port)} (or {Endpoint(dialled, port)} to serve mesh callers only)";
        if (onPort.Count > 0)
        {
            evidence.Add($"pod {probe.Pod}: the sidecar's local_app cluster dials {Endpoint(dialled, port)}, which nothing accepts, "
                + "so Envoy's connect is refused (delayed connect error: 111)");
            var why = onPort.All(s => IsLoopbackOfOtherFamily(s.Address, dialled))
                ? $" (Envoy dials {Family(dialled)} {dialled})"
                : "";
            return new HopJudgement(
                PathHopStatus.Fail,
                evidence,
                $"{probe.Container} listens on {string.Join(", ", onPort)} only",
                fix + why,
                confirm);
        }

        return NothingOnPort(probe, dialled, confirm);
    }

    /// <summary>A pod outside the mesh: callers reach the app on the pod IP itself, no sidecar forwards to loopback.</summary>
    private static HopJudgement WithoutSidecar(ListenerData probe, List<ListeningSocket> onPort, List<string> evidence, string confirm)
    {
        if (onPort.FirstOrDefault(s => IsPodIp(s, probe)) is { } podIp)
        {
            return new HopJudgement(PathHopStatus.Pass, evidence, $"{probe.Container} listens on {podIp} (the pod IP; the pod has no sidecar)", "", confirm);
        }

        if (onPort.Count == 0)
        {
            return NothingOnPort(probe, LocalAppAddress(probe.PodIp), confirm);
        }

        evidence.Add($"pod {probe.Pod}: no sidecar runs in the pod, so callers dial {probe.PodIp}:{probe.TargetPort} directly, which nothing accepts");
        return new HopJudgement(
            PathHopStatus.Fail,
            evidence,
            $"{probe.Container} listens on {string.Join(", ", onPort)} only, and the pod has no sidecar",
            $"bind {probe.Container} to {Endpoint(Any(LocalAppAddress(probe.PodIp)), probe.TargetPort)}: without a sidecar nothing forwards to a loopback-only app",
            confirm);
    }

    private static HopJudgement NothingOnPort(ListenerData probe, IPAddress dialled, string confirm)
    {
        var port = probe.TargetPort;
        var ports = probe.Sockets.Select(s => s.Port).Distinct().Order().ToList();
        var app = ports.Where(p => !EnvoyPorts.Contains(p)).ToList();
        var envoy = ports.Where(EnvoyPorts.Contains).ToList();
        var elsewhere = (app.Count, envoy.Count) switch
        {
            (0, 0) => "nothing listens at all",
            (0, _) => $"only Envoy's own ports listen ({string.Join(", ", envoy)})",
            (_, 0) => $"it listens on {string.Join(", ", app)}",
            _ => $"it listens on {string.Join(", ", app)} (and Envoy's own {string.Join(", ", envoy)})",
        };
        List<string> evidence =
        [
            $"pod {probe.Pod}: /proc/net/tcp and /proc/net/tcp6: nothing listens on :{port}",
            $"pod {probe.Pod}: the sidecar's local_app cluster dials {Endpoint(dialled, port)} and is refused (delayed connect error: 111)",
        ];
        evidence.AddRange(probe.Sockets.Where(s => s.Port != port).Select(s =>
            $"pod {probe.Pod}: {Table(s)}: {s} LISTEN{(EnvoyPorts.Contains(s.Port) ? " (Envoy's)" : "")}"));

        var fix = app.Count switch
        {
            0 => $"start {probe.Container} listening on {Endpoint(Any(dialled), port)}; nothing of the app listens, so check that it runs and its logs",
            1 => $"the app listens on {app[0]}: make the Service's targetPort and the containerPort {app[0]}, or make the app listen on {port}",
            _ => $"make the Service's targetPort and the containerPort the port the app listens on (one of {string.Join(", ", app)}), or make the app listen on {port}",
        };
        return new HopJudgement(PathHopStatus.Fail, evidence, $"nothing listens on :{port}; {elsewhere}", fix, confirm);
    }

    private static IPAddress LocalAppAddress(string podIp) =>
        IPAddress.TryParse(podIp, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv4MappedToIPv6
            ? IPAddress.IPv6Loopback
            : IPAddress.Loopback;

    private static IPAddress Any(IPAddress dialled) => dialled.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;

    /// <summary>
    /// A wildcard bind accepts the dialled loopback. :: accepts IPv4 too on Linux unless the app set IPV6_V6ONLY
    /// (net.ipv6.bindv6only defaults to 0), which /proc does not show.
    /// </summary>
    private static bool IsWildcard(IPAddress address, IPAddress dialled) =>
        address.Equals(IPAddress.IPv6Any) || (dialled.AddressFamily == AddressFamily.InterNetwork && address.Equals(IPAddress.Any));

    /// <summary>The exact address Envoy dials, or its IPv4-mapped form (a dual-stack socket bound to ::ffff:127.0.0.1 accepts 127.0.0.1).</summary>
    private static bool IsLoopback(IPAddress address, IPAddress dialled) =>
        address.Equals(dialled) || (address.IsIPv4MappedToIPv6 && address.MapToIPv4().Equals(dialled));

    private static bool IsLoopbackOfOtherFamily(IPAddress address, IPAddress dialled) =>
        IPAddress.IsLoopback(address) && address.AddressFamily != dialled.AddressFamily && !address.IsIPv4MappedToIPv6;

    private static bool IsPodIp(ListeningSocket socket, ListenerData probe) =>
        IPAddress.TryParse(probe.PodIp, out var ip) && (socket.Address.Equals(ip) || (socket.Address.IsIPv4MappedToIPv6 && socket.Address.MapToIPv4().Equals(ip)));

    private static string Table(ListeningSocket socket) =>
        socket.Address.AddressFamily == AddressFamily.InterNetworkV6 ? "/proc/net/tcp6" : "/proc/net/tcp";

    private static string Family(IPAddress address) => address.AddressFamily == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";

    private static string Endpoint(IPAddress address, int port) => new ListeningSocket(address, port).ToString();
}
