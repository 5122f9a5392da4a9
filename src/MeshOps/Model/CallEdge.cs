using MeshOps.Discovery;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>Where a call edge was found: an env var, a ConfigMap value, nginx configuration or an upstream annotation.</summary>
public enum CallOrigin
{
    EnvironmentVariable,
    ConfigMapValue,
    NginxConfig,
    UpstreamAnnotation,
}

/// <summary>
/// One call a workload makes: the host and port as written, where it was written, and the Service it resolves to.
/// </summary>
public sealed class CallEdge
{
    public required Workload Source { get; init; }

    /// <summary>
    /// The service name the call targets (after resolving localhost to an explicit upstream). For a Consul DNS name it
    /// is the Consul service name, which may belong to a peer or another datacenter (<see cref="IsRemote"/>).
    /// </summary>
    public required string TargetName { get; init; }

    /// <summary>
    /// The target's Kubernetes namespace: written in the host, or the caller's. For a Consul DNS name, the namespace
    /// of the Service it resolves to, else the caller's (Consul's own namespace label is <see cref="ConsulDns"/>).
    /// </summary>
    public required string TargetNamespace { get; init; }

    /// <summary>The port dialled; null when the text gives none and no default applies.</summary>
    public int? Port { get; init; }

    /// <summary>URL scheme or connection-string kind, lower case (http, postgres, …), when known.</summary>
    public string? Scheme { get; init; }

    public required CallOrigin Origin { get; init; }

    /// <summary>The text as written, secrets redacted.</summary>
    public required string Excerpt { get; init; }

    /// <summary>Human description of where the call is written, e.g. "env PRODUCT_API_URI of container public-api".</summary>
    public required string WrittenAt { get; init; }

    public required ManifestResource WrittenIn { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>True when the call goes through an explicit upstream (localhost listener), not transparent proxy.</summary>
    public bool ViaExplicitUpstream { get; init; }

    /// <summary>
    /// The Service the call resolves to; null when no Service has that name. A Consul DNS name resolves only to a
    /// Service whose mesh pods register that Consul service name, and never when it is remote.
    /// </summary>
    public KubernetesService? Target { get; init; }

    /// <summary>
    /// The Consul DNS name the call is written with (<c>backend.virtual.consul</c>,
    /// <c>backend.virtual.dc2-default.peer.consul</c>, <c>web.service.dc2.consul</c>), or null for a Kubernetes name or
    /// an explicit upstream. Its port is not a Service port: transparent proxy matches a Consul virtual IP on any port
    /// (consul agent/xds/listeners.go matches upstream filter chains on addresses only), and service lookups return
    /// pod addresses.
    /// </summary>
    public ConsulDnsName? ConsulDns { get; init; }

    /// <summary>True when the call is written as a Consul DNS name.</summary>
    public bool ViaConsulDns => ConsulDns is not null;

    /// <summary>The cluster peer a Consul DNS name targets, when it names one.</summary>
    public string? Peer => ConsulDns?.Peer;

    /// <summary>The admin partition a Consul DNS name targets, when it names one (Consul Enterprise).</summary>
    public string? Partition => ConsulDns?.Partition;

    /// <summary>The datacenter a Consul DNS name targets, when it names one.</summary>
    public string? Datacenter => ConsulDns?.Datacenter;

    /// <summary>
    /// True for a call to a peer, a named datacenter, another partition or a sameness group: what answers it is not
    /// in these manifests, so it has no Target and its port, name and intentions are not checked here.
    /// </summary>
    public bool IsRemote => ConsulDns?.IsRemote == true;

    /// <summary>
    /// The HTTP path the call's URL names ("/" for <c>http://web</c>), or null when the call is not an HTTP URL.
    /// Requests go to this path or below it, since apps commonly append to a configured base URL.
    /// </summary>
    public string? RequestPath { get; init; }

    /// <summary>The HTTP method the configuration states (a curl command's <c>-X</c>), or null when it states none.</summary>
    public string? RequestMethod { get; init; }

    public override string ToString() => $"{Source} -> {TargetName}.{TargetNamespace}:{Port} ({WrittenAt})";
}
