using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>IngressGateway</c>: listeners on an ingress gateway and the mesh services behind each.</summary>
public sealed record IngressGateway : ConsulResource<IngressGatewaySpec>;

public sealed record IngressGatewaySpec
{
    [JsonPropertyName("tls")] public GatewayTlsConfig? Tls { get; init; }

    [JsonPropertyName("listeners")] public List<IngressListener>? Listeners { get; init; }

    /// <summary>Limits for every service unless the service sets its own.</summary>
    [JsonPropertyName("defaults")] public IngressServiceConfig? Defaults { get; init; }
}

public sealed record IngressServiceConfig
{
    [JsonPropertyName("maxConnections")] public int? MaxConnections { get; init; }

    [JsonPropertyName("maxPendingRequests")] public int? MaxPendingRequests { get; init; }

    [JsonPropertyName("maxConcurrentRequests")] public int? MaxConcurrentRequests { get; init; }

    [JsonPropertyName("passiveHealthCheck")] public PassiveHealthCheck? PassiveHealthCheck { get; init; }
}

public sealed record IngressListener
{
    [JsonPropertyName("port")] public int? Port { get; init; }

    /// <summary>"tcp", "http", "http2" or "grpc"; must match the protocol of the services behind it.</summary>
    [JsonPropertyName("protocol")] public string? Protocol { get; init; }

    [JsonPropertyName("tls")] public GatewayTlsConfig? Tls { get; init; }

    [JsonPropertyName("services")] public List<IngressService>? Services { get; init; }
}

public sealed record IngressService
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("hosts")] public List<string>? Hosts { get; init; }

    [JsonPropertyName("tls")] public GatewayServiceTlsConfig? Tls { get; init; }

    [JsonPropertyName("requestHeaders")] public HttpHeaderModifiers? RequestHeaders { get; init; }

    [JsonPropertyName("responseHeaders")] public HttpHeaderModifiers? ResponseHeaders { get; init; }

    [JsonPropertyName("maxConnections")] public int? MaxConnections { get; init; }

    [JsonPropertyName("maxPendingRequests")] public int? MaxPendingRequests { get; init; }

    [JsonPropertyName("maxConcurrentRequests")] public int? MaxConcurrentRequests { get; init; }

    [JsonPropertyName("passiveHealthCheck")] public PassiveHealthCheck? PassiveHealthCheck { get; init; }
}

public sealed record GatewayServiceTlsConfig
{
    [JsonPropertyName("sds")] public GatewayTlsSdsConfig? Sds { get; init; }
}
