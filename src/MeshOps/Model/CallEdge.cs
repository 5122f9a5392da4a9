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

    /// <summary>The service name the call targets (after resolving localhost to an explicit upstream).</summary>
    public required string TargetName { get; init; }

    /// <summary>The target namespace: written in the host, or the caller's.</summary>
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

    /// <summary>The Service the call resolves to; null when no Service has that name.</summary>
    public KubernetesService? Target { get; init; }

    public override string ToString() => $"{Source} -> {TargetName}.{TargetNamespace}:{Port} ({WrittenAt})";
}
