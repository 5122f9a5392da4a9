namespace MeshOps.Paths.Live;

/// <summary>The commands that show what the <c>Envoy</c> hop read, for a user to paste (kubectl 1.2x, curl).</summary>
internal static class EnvoyConfirm
{
    public static string Clusters(EnvoySidecarData pod, string service) => $"{PortForward(pod)} curl -s localhost:19000/clusters | grep {service}";

    /// <summary>
    /// The counters matching <paramref name="filter"/> (Envoy's RE2 <c>filter=</c>), sent URL-encoded by curl so that
    /// brackets and braces of the expression are neither globbed by curl nor cut by the URL.
    /// </summary>
    public static string Stats(EnvoySidecarData pod, string filter) => $"{PortForward(pod)} curl -sG localhost:19000/stats --data-urlencode 'filter={filter}'";

    public static string Certificates(EnvoySidecarData pod) => $"{PortForward(pod)} curl -s localhost:19000/certs";

    public static string Logs(EnvoySidecarData pod) => $"kubectl logs -n {pod.Namespace} {pod.Pod} -c {pod.LogContainer} --tail=200";

    // Local port 19000 whatever the pod's admin port, so the curl that follows is the same command.
    private static string PortForward(EnvoySidecarData pod) => $"kubectl port-forward -n {pod.Namespace} pod/{pod.Pod} 19000:{pod.AdminPort} &";
}
