using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>Transparent proxy settings of ServiceDefaults and ProxyDefaults.</summary>
public sealed record TransparentProxyConfig
{
    [JsonPropertyName("outboundListenerPort")] public int? OutboundListenerPort { get; init; }

    [JsonPropertyName("dialedDirectly")] public bool? DialedDirectly { get; init; }
}
