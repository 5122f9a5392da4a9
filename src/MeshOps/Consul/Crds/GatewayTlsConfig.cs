using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>TLS for an ingress gateway or one of its listeners.</summary>
public sealed record GatewayTlsConfig
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    [JsonPropertyName("sds")] public GatewayTlsSdsConfig? Sds { get; init; }

    [JsonPropertyName("tlsMinVersion")] public string? TlsMinVersion { get; init; }

    [JsonPropertyName("tlsMaxVersion")] public string? TlsMaxVersion { get; init; }

    [JsonPropertyName("cipherSuites")] public List<string>? CipherSuites { get; init; }
}

/// <summary>Certificates served through Envoy SDS instead of Consul's CA.</summary>
public sealed record GatewayTlsSdsConfig
{
    [JsonPropertyName("clusterName")] public string? ClusterName { get; init; }

    [JsonPropertyName("certResource")] public string? CertResource { get; init; }
}
