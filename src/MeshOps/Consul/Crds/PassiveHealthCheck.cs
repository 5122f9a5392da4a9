using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary>Outlier detection for an upstream; <c>interval</c> and <c>baseEjectionTime</c> are durations such as "10s".</summary>
public sealed record PassiveHealthCheck
{
    [JsonPropertyName("interval")] public string? Interval { get; init; }

    [JsonPropertyName("maxFailures")] public int? MaxFailures { get; init; }

    [JsonPropertyName("enforcingConsecutive5xx")] public int? EnforcingConsecutive5xx { get; init; }

    [JsonPropertyName("maxEjectionPercent")] public int? MaxEjectionPercent { get; init; }

    [JsonPropertyName("baseEjectionTime")] public string? BaseEjectionTime { get; init; }
}
