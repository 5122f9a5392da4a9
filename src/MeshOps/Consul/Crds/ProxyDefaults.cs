using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ProxyDefaults</c>: mesh-wide proxy settings. There is one, named "global".</summary>
public sealed record ProxyDefaults : ConsulResource<ProxyDefaultsSpec>;

public sealed record ProxyDefaultsSpec
{
    [JsonPropertyName("mode")] public string? Mode { get; init; }

    [JsonPropertyName("transparentProxy")] public TransparentProxyConfig? TransparentProxy { get; init; }

    [JsonPropertyName("mutualTLSMode")] public string? MutualTlsMode { get; init; }

    /// <summary>Schemaless proxy configuration, e.g. <c>{"protocol": "http"}</c>.</summary>
    [JsonPropertyName("config")] public JsonElement? Config { get; init; }

    [JsonPropertyName("meshGateway")] public MeshGatewayConfig? MeshGateway { get; init; }

    [JsonPropertyName("expose")] public ExposeConfig? Expose { get; init; }

    [JsonPropertyName("accessLogs")] public AccessLogs? AccessLogs { get; init; }

    [JsonPropertyName("envoyExtensions")] public List<EnvoyExtension>? EnvoyExtensions { get; init; }

    [JsonPropertyName("failoverPolicy")] public FailoverPolicy? FailoverPolicy { get; init; }

    [JsonPropertyName("prioritizeByLocality")] public PrioritizeByLocality? PrioritizeByLocality { get; init; }
}

public sealed record AccessLogs
{
    [JsonPropertyName("enabled")] public bool? Enabled { get; init; }

    [JsonPropertyName("disableListenerLogs")] public bool? DisableListenerLogs { get; init; }

    /// <summary>"stdout", "stderr" or "file".</summary>
    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("path")] public string? Path { get; init; }

    [JsonPropertyName("jsonFormat")] public string? JsonFormat { get; init; }

    [JsonPropertyName("textFormat")] public string? TextFormat { get; init; }
}

public sealed record FailoverPolicy
{
    /// <summary>"", "sequential" or "order-by-locality".</summary>
    [JsonPropertyName("mode")] public string? Mode { get; init; }

    [JsonPropertyName("regions")] public List<string>? Regions { get; init; }
}

public sealed record PrioritizeByLocality
{
    /// <summary>"", "none" or "failover".</summary>
    [JsonPropertyName("mode")] public string? Mode { get; init; }
}
