namespace MeshOps.Envoy;

/// <summary>
/// Where an Envoy admin answer came from: a pod's sidecar (reached through a port-forward), an admin URL, or a saved
/// file. Every object read from Envoy carries it, so the results of several pods of one service stay told apart.
/// </summary>
public sealed record EnvoySource
{
    private EnvoySource(string endpoint, string? @namespace, string? pod)
    {
        Endpoint = endpoint;
        Namespace = @namespace;
        Pod = pod;
    }

    /// <summary>The Kubernetes namespace of <see cref="Pod"/>; null when the answer did not come from a pod.</summary>
    public string? Namespace { get; }

    /// <summary>The pod whose sidecar answered; null for an admin URL or a saved file.</summary>
    public string? Pod { get; }

    /// <summary>What was read, as errors name it: <c>pod default/payments-7d9 port 19000</c>, a URL, or a file path.</summary>
    public string Endpoint { get; }

    public static EnvoySource ForPod(string @namespace, string pod, int adminPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(@namespace);
        ArgumentException.ThrowIfNullOrEmpty(pod);
        return new EnvoySource($"pod {@namespace}/{pod} port {adminPort}", @namespace, pod);
    }

    public static EnvoySource ForUrl(Uri adminUrl)
    {
        ArgumentNullException.ThrowIfNull(adminUrl);
        return new EnvoySource(adminUrl.GetLeftPart(UriPartial.Authority), null, null);
    }

    public static EnvoySource ForFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new EnvoySource(path, null, null);
    }

    /// <summary>The pod as <c>namespace/name</c> when there is one, else the endpoint.</summary>
    public override string ToString() => Pod is null ? Endpoint : $"{Namespace}/{Pod}";
}
