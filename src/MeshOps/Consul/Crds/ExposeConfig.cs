using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>Paths the sidecar exposes without mTLS (health checks, metrics).</summary>
public sealed record ExposeConfig
{
    [JsonPropertyName("checks")] public bool? Checks { get; init; }

    [JsonPropertyName("paths")] public List<ExposePath>? Paths { get; init; }
}

public sealed record ExposePath
{
    [JsonPropertyName("listenerPort")] public int? ListenerPort { get; init; }

    [JsonPropertyName("path")] public string? Path { get; init; }

    [JsonPropertyName("localPathPort")] public int? LocalPathPort { get; init; }

    [JsonPropertyName("protocol")] public string? Protocol { get; init; }
}
