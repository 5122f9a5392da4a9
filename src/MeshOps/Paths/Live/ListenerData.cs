namespace MeshOps.Paths.Live;

/// <summary>
/// What the Listener hop is judged on: one destination pod, the container whose /proc/net/tcp and tcp6 were read
/// (containers of a pod share its network namespace, so any container shows every socket), the pod's IP, the port
/// Consul registered for the service (the sidecar's local_app cluster dials it) and the sockets found listening.
/// </summary>
internal sealed record ListenerData(string Namespace, string Pod, string Container, string PodIp, int TargetPort, IReadOnlyList<ListeningSocket> Sockets)
{
    /// <summary>
    /// Whether the pod runs a sidecar. Without one (a destination outside the mesh) callers dial the pod IP directly:
    /// a pod-IP bind serves them and a loopback one serves nobody.
    /// </summary>
    public bool HasSidecar { get; init; } = true;
}
