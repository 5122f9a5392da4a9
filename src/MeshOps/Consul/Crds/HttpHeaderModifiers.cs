using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>Headers to add, set or remove on a request or response.</summary>
public sealed record HttpHeaderModifiers
{
    [JsonPropertyName("add")] public Dictionary<string, string>? Add { get; init; }

    [JsonPropertyName("set")] public Dictionary<string, string>? Set { get; init; }

    [JsonPropertyName("remove")] public List<string>? Remove { get; init; }
}
