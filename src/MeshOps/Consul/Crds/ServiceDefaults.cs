using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ServiceDefaults</c>: protocol and proxy settings for one service (Consul's service-defaults config entry).</summary>
public sealed record ServiceDefaults : ConsulResource<ServiceDefaultsSpec>;

public sealed record ServiceDefaultsSpec
{
    /// <summary>"tcp", "http", "http2" or "grpc".</summary>
    [JsonPropertyName("protocol")] public string? Protocol { get; init; }

    /// <summary>Must not be set; the transparent-proxy annotation controls it.</summary>
    [JsonPropertyName("mode")] public string? Mode { get; init; }

    [JsonPropertyName("transparentProxy")] public TransparentProxyConfig? TransparentProxy { get; init; }

    /// <summary>"", "strict" or "permissive".</summary>
    [JsonPropertyName("mutualTLSMode")] public string? MutualTlsMode { get; init; }

    [JsonPropertyName("meshGateway")] public MeshGatewayConfig? MeshGateway { get; init; }

    [JsonPropertyName("expose")] public ExposeConfig? Expose { get; init; }

    [JsonPropertyName("externalSNI")] public string? ExternalSni { get; init; }

    [JsonPropertyName("upstreamConfig")] public UpstreamConfiguration? UpstreamConfig { get; init; }

    [JsonPropertyName("destination")] public ServiceDefaultsDestination? Destination { get; init; }

    [JsonPropertyName("maxInboundConnections")] public int? MaxInboundConnections { get; init; }

    [JsonPropertyName("localConnectTimeoutMs")] public int? LocalConnectTimeoutMs { get; init; }

    [JsonPropertyName("localRequestTimeoutMs")] public int? LocalRequestTimeoutMs { get; init; }

    /// <summary>"" or "exact_balance".</summary>
    [JsonPropertyName("balanceInboundConnections")] public string? BalanceInboundConnections { get; init; }

    [JsonPropertyName("rateLimits")] public RateLimits? RateLimits { get; init; }

    [JsonPropertyName("envoyExtensions")] public List<EnvoyExtension>? EnvoyExtensions { get; init; }
}

public sealed record UpstreamConfiguration
{
    /// <summary>Applies to every upstream; its name, namespace, partition and peer must be empty.</summary>
    [JsonPropertyName("defaults")] public UpstreamSettings? Defaults { get; init; }

    [JsonPropertyName("overrides")] public List<UpstreamSettings>? Overrides { get; init; }
}

public sealed record UpstreamSettings
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }

    [JsonPropertyName("envoyListenerJSON")] public string? EnvoyListenerJson { get; init; }

    [JsonPropertyName("envoyClusterJSON")] public string? EnvoyClusterJson { get; init; }

    [JsonPropertyName("protocol")] public string? Protocol { get; init; }

    [JsonPropertyName("connectTimeoutMs")] public int? ConnectTimeoutMs { get; init; }

    [JsonPropertyName("limits")] public UpstreamLimits? Limits { get; init; }

    [JsonPropertyName("passiveHealthCheck")] public PassiveHealthCheck? PassiveHealthCheck { get; init; }

    [JsonPropertyName("meshGateway")] public MeshGatewayConfig? MeshGateway { get; init; }
}

public sealed record UpstreamLimits
{
    [JsonPropertyName("maxConnections")] public int? MaxConnections { get; init; }

    [JsonPropertyName("maxPendingRequests")] public int? MaxPendingRequests { get; init; }

    [JsonPropertyName("maxConcurrentRequests")] public int? MaxConcurrentRequests { get; init; }
}

/// <summary>Makes the service a terminating-gateway destination outside the mesh.</summary>
public sealed record ServiceDefaultsDestination
{
    [JsonPropertyName("addresses")] public List<string>? Addresses { get; init; }

    [JsonPropertyName("port")] public int? Port { get; init; }
}

public sealed record RateLimits
{
    [JsonPropertyName("instanceLevel")] public InstanceLevelRateLimits? InstanceLevel { get; init; }
}

public sealed record InstanceLevelRateLimits
{
    [JsonPropertyName("requestsPerSecond")] public int? RequestsPerSecond { get; init; }

    [JsonPropertyName("requestsMaxBurst")] public int? RequestsMaxBurst { get; init; }

    [JsonPropertyName("routes")] public List<InstanceLevelRouteRateLimits>? Routes { get; init; }
}

public sealed record InstanceLevelRouteRateLimits
{
    [JsonPropertyName("pathExact")] public string? PathExact { get; init; }

    [JsonPropertyName("pathPrefix")] public string? PathPrefix { get; init; }

    [JsonPropertyName("pathRegex")] public string? PathRegex { get; init; }

    [JsonPropertyName("requestsPerSecond")] public int? RequestsPerSecond { get; init; }

    [JsonPropertyName("requestsMaxBurst")] public int? RequestsMaxBurst { get; init; }
}
