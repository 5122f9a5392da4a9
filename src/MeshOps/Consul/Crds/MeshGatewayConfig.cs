using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>How traffic reaches other datacenters or peers: <c>mode</c> is "local", "remote", "none" or empty.</summary>
public sealed record MeshGatewayConfig
{
    [JsonPropertyName("mode")] public string? Mode { get; init; }
}
