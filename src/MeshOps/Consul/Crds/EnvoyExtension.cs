using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>An Envoy extension (Lua, ext_authz, OpenTelemetry...); its arguments are schemaless.</summary>
public sealed record EnvoyExtension
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("required")] public bool? Required { get; init; }

    [JsonPropertyName("arguments")] public JsonElement? Arguments { get; init; }
}
