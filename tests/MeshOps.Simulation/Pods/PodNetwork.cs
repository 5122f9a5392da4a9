using System.Collections.Concurrent;
using System.Net;

namespace MeshOps.Simulation.Pods;

/// <summary>
/// Where each simulated pod's ports really listen: a pod port (Envoy admin on 19000, the Consul server's 8500) maps to
/// a listener on 127.0.0.1 that the simulation started. The API server's port-forward connects a pod port through
/// here, so a client reaches a pod exactly as through a real cluster. A port with no listener refuses the connection,
/// as a closed port in a pod does.
/// </summary>
public sealed class PodNetwork
{
    private readonly ConcurrentDictionary<(string Namespace, string Pod, int Port), IPEndPoint> _listeners = new();

    public void Listen(string ns, string pod, int port, IPEndPoint listener) => _listeners[(ns, pod, port)] = listener;

    public void Close(string ns, string pod, int port) => _listeners.TryRemove((ns, pod, port), out _);

    /// <summary>The loopback listener behind a pod port, or null when nothing listens there.</summary>
    public IPEndPoint? Find(string ns, string pod, int port) => _listeners.TryGetValue((ns, pod, port), out var found) ? found : null;
}
