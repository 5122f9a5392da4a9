namespace MeshOps.Discovery;

/// <summary>
/// A place the app connects to. Port is null when neither the text nor the scheme gives one. Excerpt is the matched
/// text with credentials masked; Key is the variable, JSON property or config key it came from, when there is one.
/// </summary>
public sealed record DiscoveredEndpoint(string Host, int? Port, string? Scheme, EndpointOrigin Origin, string Excerpt)
{
    public string? Key { get; init; }

    /// <summary>
    /// The path of an HTTP URL as written, without query or fragment ("/" when the URL has none); null when the
    /// endpoint is not an HTTP URL. Apps often use such a URL as a base and append to it, so it is where requests start.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>The HTTP method the configuration states for the request (curl's <c>-X</c>), upper case; null when it states none.</summary>
    public string? Method { get; init; }

    /// <summary>True for localhost/127.0.0.1/::1: the app relies on an explicit upstream listener in its own pod.</summary>
    public bool IsLoopback => LoopbackHosts.IsLoopback(Host);

    /// <summary>The Kubernetes Service the host names, or null when it is not a cluster Service name.</summary>
    public ServiceHostName? Service => KubernetesServiceHost.Split(Host);

    /// <summary>What the host says as a Consul DNS name (<c>backend.virtual.consul</c>), or null when it is not one.</summary>
    public ConsulDnsName? ConsulName => ConsulDnsName.Parse(Host);
}
