using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ServiceResolver</c>: subsets, redirects, failover and load balancing for one service.</summary>
public sealed record ServiceResolver : ConsulResource<ServiceResolverSpec>;

public sealed record ServiceResolverSpec
{
    [JsonPropertyName("defaultSubset")] public string? DefaultSubset { get; init; }

    [JsonPropertyName("subsets")] public Dictionary<string, ServiceResolverSubset>? Subsets { get; init; }

    [JsonPropertyName("redirect")] public ServiceResolverRedirect? Redirect { get; init; }

    /// <summary>Keyed by subset name, or "*" for every subset.</summary>
    [JsonPropertyName("failover")] public Dictionary<string, ServiceResolverFailover>? Failover { get; init; }

    /// <summary>A duration such as "15s".</summary>
    [JsonPropertyName("connectTimeout")] public string? ConnectTimeout { get; init; }

    [JsonPropertyName("requestTimeout")] public string? RequestTimeout { get; init; }

    [JsonPropertyName("prioritizeByLocality")] public PrioritizeByLocality? PrioritizeByLocality { get; init; }

    [JsonPropertyName("loadBalancer")] public LoadBalancer? LoadBalancer { get; init; }
}

public sealed record ServiceResolverSubset
{
    /// <summary>A bexpr filter over the service catalog, e.g. <c>Service.Meta.version == v2</c>.</summary>
    [JsonPropertyName("filter")] public string? Filter { get; init; }

    [JsonPropertyName("onlyPassing")] public bool? OnlyPassing { get; init; }
}

public sealed record ServiceResolverRedirect
{
    [JsonPropertyName("service")] public string? Service { get; init; }

    [JsonPropertyName("serviceSubset")] public string? ServiceSubset { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("datacenter")] public string? Datacenter { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }

    [JsonPropertyName("samenessGroup")] public string? SamenessGroup { get; init; }
}

public sealed record ServiceResolverFailover
{
    [JsonPropertyName("service")] public string? Service { get; init; }

    [JsonPropertyName("serviceSubset")] public string? ServiceSubset { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("datacenters")] public List<string>? Datacenters { get; init; }

    [JsonPropertyName("targets")] public List<ServiceResolverFailoverTarget>? Targets { get; init; }

    [JsonPropertyName("policy")] public FailoverPolicy? Policy { get; init; }

    [JsonPropertyName("samenessGroup")] public string? SamenessGroup { get; init; }
}

public sealed record ServiceResolverFailoverTarget
{
    [JsonPropertyName("service")] public string? Service { get; init; }

    [JsonPropertyName("serviceSubset")] public string? ServiceSubset { get; init; }

    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("datacenter")] public string? Datacenter { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }
}

public sealed record LoadBalancer
{
    /// <summary>"random", "round_robin", "least_request", "ring_hash" or "maglev"; checked by the Consul server only.</summary>
    [JsonPropertyName("policy")] public string? Policy { get; init; }

    [JsonPropertyName("ringHashConfig")] public RingHashConfig? RingHashConfig { get; init; }

    [JsonPropertyName("leastRequestConfig")] public LeastRequestConfig? LeastRequestConfig { get; init; }

    [JsonPropertyName("hashPolicies")] public List<HashPolicy>? HashPolicies { get; init; }
}

public sealed record RingHashConfig
{
    [JsonPropertyName("minimumRingSize")] public long? MinimumRingSize { get; init; }

    [JsonPropertyName("maximumRingSize")] public long? MaximumRingSize { get; init; }
}

public sealed record LeastRequestConfig
{
    [JsonPropertyName("choiceCount")] public int? ChoiceCount { get; init; }
}

public sealed record HashPolicy
{
    /// <summary>"header", "cookie" or "query_parameter".</summary>
    [JsonPropertyName("field")] public string? Field { get; init; }

    [JsonPropertyName("fieldValue")] public string? FieldValue { get; init; }

    [JsonPropertyName("cookieConfig")] public CookieConfig? CookieConfig { get; init; }

    [JsonPropertyName("sourceIP")] public bool? SourceIp { get; init; }

    [JsonPropertyName("terminal")] public bool? Terminal { get; init; }
}

public sealed record CookieConfig
{
    [JsonPropertyName("session")] public bool? Session { get; init; }

    [JsonPropertyName("ttl")] public string? Ttl { get; init; }

    [JsonPropertyName("path")] public string? Path { get; init; }
}
