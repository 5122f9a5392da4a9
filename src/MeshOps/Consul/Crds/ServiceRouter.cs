using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ServiceRouter</c>: L7 routes from one service to destinations, matched on path, headers, query and method.</summary>
public sealed record ServiceRouter : ConsulResource<ServiceRouterSpec>;

public sealed record ServiceRouterSpec
{
    [JsonPropertyName("routes")] public List<ServiceRoute>? Routes { get; init; }
}

public sealed record ServiceRoute
{
    [JsonPropertyName("match")] public ServiceRouteMatch? Match { get; init; }

    [JsonPropertyName("destination")] public ServiceRouteDestination? Destination { get; init; }
}

public sealed record ServiceRouteMatch
{
    [JsonPropertyName("http")] public ServiceRouteHttpMatch? Http { get; init; }
}

public sealed record ServiceRouteHttpMatch
{
    [JsonPropertyName("caseInsensitive")] public bool? CaseInsensitive { get; init; }

    [JsonPropertyName("pathExact")] public string? PathExact { get; init; }

    [JsonPropertyName("pathPrefix")] public string? PathPrefix { get; init; }

    [JsonPropertyName("pathRegex")] public string? PathRegex { get; init; }

    [JsonPropertyName("header")] public List<ServiceRouteHttpMatchHeader>? Header { get; init; }

    [JsonPropertyName("queryParam")] public List<ServiceRouteHttpMatchQueryParam>? QueryParam { get; init; }

    [JsonPropertyName("methods")] public List<string>? Methods { get; init; }
}

public sealed record ServiceRouteHttpMatchHeader
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("present")] public bool? Present { get; init; }

    [JsonPropertyName("exact")] public string? Exact { get; init; }

    [JsonPropertyName("prefix")] public string? Prefix { get; init; }

    [JsonPropertyName("suffix")] public string? Suffix { get; init; }

    [JsonPropertyName("regex")] public string? Regex { get; init; }

    [JsonPropertyName("invert")] public bool? Invert { get; init; }
}

public sealed record ServiceRouteHttpMatchQueryParam
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("present")] public bool? Present { get; init; }

    [JsonPropertyName("exact")] public string? Exact { get; init; }

    [JsonPropertyName("regex")] public string? Regex { get; init; }
}

public sealed record ServiceRouteDestination
{
    [JsonPropertyName("service")] public string? Service { get; init; }

    [JsonPropertyName("serviceSubset")] public string? ServiceSubset { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    /// <summary>Needs <c>match.http.pathPrefix</c> or <c>pathExact</c> on the same route.</summary>
    [JsonPropertyName("prefixRewrite")] public string? PrefixRewrite { get; init; }

    [JsonPropertyName("idleTimeout")] public string? IdleTimeout { get; init; }

    [JsonPropertyName("requestTimeout")] public string? RequestTimeout { get; init; }

    [JsonPropertyName("numRetries")] public int? NumRetries { get; init; }

    [JsonPropertyName("retryOnConnectFailure")] public bool? RetryOnConnectFailure { get; init; }

    [JsonPropertyName("retryOn")] public List<string>? RetryOn { get; init; }

    [JsonPropertyName("retryOnStatusCodes")] public List<int>? RetryOnStatusCodes { get; init; }

    [JsonPropertyName("requestHeaders")] public HttpHeaderModifiers? RequestHeaders { get; init; }

    [JsonPropertyName("responseHeaders")] public HttpHeaderModifiers? ResponseHeaders { get; init; }
}
