using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The listening sockets of each pod as <c>/proc/net/tcp</c> shows them. Containers of a pod share one network
/// namespace, so every container sees the same file: the application's container ports (on 127.0.0.1 when its
/// configuration binds there, as products-api's bind_address can, else 0.0.0.0), and for an injected pod Envoy's
/// admin (127.0.0.1:19000), public listener (20000) and transparent-proxy outbound listener (15001). A container in
/// CrashLoopBackOff listens on nothing; an Envoy that is not ready has no public listener yet. Under the
/// bound-to-pod-ip runtime fault the application's ports listen on the pod IP only.
/// </summary>
internal static class ProcNetTcp
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    private const string Tcp6Header = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    public static void Write(Pods.PodFiles files, SimulatedPod pod, IReadOnlyList<JsonObject> objects, IReadOnlyList<RuntimeFault> faults)
    {
        var boundToPodIp = faults.Any(f => f.Applies(RuntimeFaultKind.BoundToPodIp, pod.Workload));
        var sockets = Listening(pod, objects, boundToPodIp).ToList();
        var tcp = new StringBuilder(Header);
        for (var i = 0; i < sockets.Count; i++)
        {
            var (address, port, uid) = sockets[i];
            tcp.Append(CultureInfo.InvariantCulture,
                $"{i,4}: {Hex(address)}:{port:X4} 00000000:0000 0A 00000000:00000000 00:00000000 00000000 {uid,5}        0 {40000 + i} 1 0000000000000000 100 0 0 10 0\n");
        }

        foreach (var container in (pod.Object["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = container.Text("name") ?? "";
            files.Write(pod.Namespace, pod.Name, name, "/proc/net/tcp", tcp.ToString());
            files.Write(pod.Namespace, pod.Name, name, "/proc/net/tcp6", Tcp6Header);
        }
    }

    private static IEnumerable<(IPAddress Address, int Port, int Uid)> Listening(SimulatedPod pod, IReadOnlyList<JsonObject> objects, bool boundToPodIp)
    {
        var statuses = (pod.Object["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToDictionary(s => s.Text("name") ?? "");
        bool Running(string name) => statuses.TryGetValue(name, out var s) && s["state"]?["running"] is not null;

        foreach (var container in pod.AppContainers.Where(c => Running(c.Text("name") ?? "")))
        {
            var config = Configuration(pod, container, objects);
            foreach (var port in (container["ports"] as JsonArray ?? []).OfType<JsonObject>().Select(p => (int)(p["containerPort"].Long() ?? 0)).Where(p => p > 0))
            {
                var loopback = config.Any(text => text.Contains($"127.0.0.1:{port}", StringComparison.Ordinal) || text.Contains($"localhost:{port}", StringComparison.Ordinal));
                yield return (boundToPodIp ? IPAddress.Parse(pod.PodIp) : loopback ? IPAddress.Loopback : IPAddress.Any, port, 0);
            }
        }

        if (pod.Injected && Running(SidecarInjector.DataplaneContainer))
        {
            yield return (IPAddress.Loopback, SidecarInjector.EnvoyAdminPort, 5995);
            yield return (IPAddress.Any, SidecarInjector.TransparentOutboundPort, 5995);
            if (pod.SidecarReady)
            {
                yield return (IPAddress.Any, SidecarInjector.PublicListenerPort, 5995);
            }
        }
    }

    /// <summary>The container's env values and the data of the ConfigMaps its pod mounts: where a bind address is written.</summary>
    private static List<string> Configuration(SimulatedPod pod, JsonObject container, IReadOnlyList<JsonObject> objects)
    {
        var texts = (container["env"] as JsonArray ?? []).OfType<JsonObject>().Select(e => e.Text("value")).OfType<string>().ToList();
        var mounted = (pod.Object["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>().Select(v => v.Text("configMap", "name")).OfType<string>().ToHashSet();
        texts.AddRange(objects
            .Where(o => o.Kind() == "ConfigMap" && o.Namespace() == pod.Namespace && mounted.Contains(o.Name()))
            .SelectMany(o => o["data"].Map().Values));
        return texts;
    }

    /// <summary>The kernel prints an IPv4 address as its four bytes in host (little-endian) order.</summary>
    private static string Hex(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        Array.Reverse(bytes);
        return Convert.ToHexString(bytes);
    }
}
