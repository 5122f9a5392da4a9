using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>Mesh</c>: mesh-wide TLS, HTTP and peering settings. There is one, named "mesh".</summary>
public sealed record Mesh : ConsulResource<MeshSpec>;

public sealed record MeshSpec
{
    [JsonPropertyName("transparentProxy")] public MeshTransparentProxy? TransparentProxy { get; init; }

    [JsonPropertyName("allowEnablingPermissiveMutualTLS")] public bool? AllowEnablingPermissiveMutualTls { get; init; }

    [JsonPropertyName("tls")] public MeshTls? Tls { get; init; }

    [JsonPropertyName("http")] public MeshHttp? Http { get; init; }

    [JsonPropertyName("peering")] public PeeringMeshConfig? Peering { get; init; }

    [JsonPropertyName("validateClusters")] public bool? ValidateClusters { get; init; }
}

public sealed record MeshTransparentProxy
{
    /// <summary>When true, transparent proxies may only reach services registered in the mesh.</summary>
    [JsonPropertyName("meshDestinationsOnly")] public bool? MeshDestinationsOnly { get; init; }
}

public sealed record MeshTls
{
    [JsonPropertyName("incoming")] public MeshDirectionalTls? Incoming { get; init; }

    [JsonPropertyName("outgoing")] public MeshDirectionalTls? Outgoing { get; init; }
}

public sealed record MeshDirectionalTls
{
    /// <summary>"TLS_AUTO", "TLSv1_0" ... "TLSv1_3" or empty.</summary>
    [JsonPropertyName("tlsMinVersion")] public string? TlsMinVersion { get; init; }

    [JsonPropertyName("tlsMaxVersion")] public string? TlsMaxVersion { get; init; }

    [JsonPropertyName("cipherSuites")] public List<string>? CipherSuites { get; init; }
}

public sealed record MeshHttp
{
    [JsonPropertyName("sanitizeXForwardedClientCert")] public bool? SanitizeXForwardedClientCert { get; init; }

    [JsonPropertyName("incoming")] public MeshHttpIncoming? Incoming { get; init; }
}

public sealed record MeshHttpIncoming
{
    [JsonPropertyName("requestNormalization")] public RequestNormalization? RequestNormalization { get; init; }
}

public sealed record RequestNormalization
{
    [JsonPropertyName("insecureDisablePathNormalization")] public bool? InsecureDisablePathNormalization { get; init; }

    [JsonPropertyName("mergeSlashes")] public bool? MergeSlashes { get; init; }

    [JsonPropertyName("pathWithEscapedSlashesAction")] public string? PathWithEscapedSlashesAction { get; init; }

    [JsonPropertyName("headersWithUnderscoresAction")] public string? HeadersWithUnderscoresAction { get; init; }
}

public sealed record PeeringMeshConfig
{
    [JsonPropertyName("peerThroughMeshGateways")] public bool? PeerThroughMeshGateways { get; init; }
}
