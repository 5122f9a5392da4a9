using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ServiceSplitter</c>: splits a service's traffic by weight; the weights must add up to 100.</summary>
public sealed record ServiceSplitter : ConsulResource<ServiceSplitterSpec>;

public sealed record ServiceSplitterSpec
{
    [JsonPropertyName("splits")] public List<ServiceSplit>? Splits { get; init; }
}

public sealed record ServiceSplit
{
    /// <summary>A percentage: 0, or 0.01 to 100.</summary>
    [JsonPropertyName("weight")] public float? Weight { get; init; }

    [JsonPropertyName("service")] public string? Service { get; init; }

    [JsonPropertyName("serviceSubset")] public string? ServiceSubset { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("requestHeaders")] public HttpHeaderModifiers? RequestHeaders { get; init; }

    [JsonPropertyName("responseHeaders")] public HttpHeaderModifiers? ResponseHeaders { get; init; }
}
