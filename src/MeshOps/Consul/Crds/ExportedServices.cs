using System.Text.Json.Serialization;

namespace MeshOps.Consul.Crds;

/// <summary><c>ExportedServices</c>: services made available to other partitions, peers or sameness groups.</summary>
public sealed record ExportedServices : ConsulResource<ExportedServicesSpec>;

public sealed record ExportedServicesSpec
{
    [JsonPropertyName("services")] public List<ExportedService>? Services { get; init; }
}

public sealed record ExportedService
{
    [JsonPropertyName("name")] public string? Name { get; init; }

    [JsonPropertyName("namespace")] public string? Namespace { get; init; }

    [JsonPropertyName("consumers")] public List<ServiceConsumer>? Consumers { get; init; }
}

/// <summary>Exactly one of partition, peer or samenessGroup.</summary>
public sealed record ServiceConsumer
{
    [JsonPropertyName("partition")] public string? Partition { get; init; }

    [JsonPropertyName("peer")] public string? Peer { get; init; }

    [JsonPropertyName("samenessGroup")] public string? SamenessGroup { get; init; }
}
