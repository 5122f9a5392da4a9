namespace MeshOps.Clients.Consul;

/// <summary>One entry of GET /v1/health/service/:service or /v1/health/connect/:service: node, service and their checks.</summary>
public sealed record ConsulServiceHealth
{
    public ConsulNode Node { get; init; } = new();

    public ConsulAgentService Service { get; init; } = new();

    public IReadOnlyList<ConsulHealthCheck> Checks { get; init; } = [];

    /// <summary>The worst check status ("passing" when every check passes), as Consul aggregates them for DNS and ?passing.</summary>
    public string AggregatedStatus =>
        Checks.Any(c => c.Status == "critical") ? "critical"
        : Checks.Any(c => c.Status == "warning") ? "warning"
        : Checks.Any(c => c.Status == "maintenance") ? "maintenance"
        : "passing";
}

public sealed record ConsulNode
{
    public string Id { get; init; } = "";

    public string Node { get; init; } = "";

    public string Address { get; init; } = "";

    public string Datacenter { get; init; } = "";

    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }
}

/// <summary>The Service block of a health entry.</summary>
public sealed record ConsulAgentService
{
    public string Id { get; init; } = "";

    public string Service { get; init; } = "";

    /// <summary>"" for a typical service, "connect-proxy" for a sidecar (omitted by Consul when empty).</summary>
    public string Kind { get; init; } = "";

    public IReadOnlyList<string>? Tags { get; init; }

    public string Address { get; init; } = "";

    public IReadOnlyDictionary<string, ConsulServiceAddress>? TaggedAddresses { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public int Port { get; init; }

    public ConsulWeights? Weights { get; init; }

    public ConsulProxy? Proxy { get; init; }

    public string? Namespace { get; init; }
}

public sealed record ConsulWeights
{
    public int Passing { get; init; }

    public int Warning { get; init; }
}

public sealed record ConsulHealthCheck
{
    public string Node { get; init; } = "";

    public string CheckId { get; init; } = "";

    public string Name { get; init; } = "";

    /// <summary>"passing", "warning", "critical" or "maintenance".</summary>
    public string Status { get; init; } = "";

    public string Notes { get; init; } = "";

    public string Output { get; init; } = "";

    public string ServiceId { get; init; } = "";

    public string ServiceName { get; init; } = "";

    public IReadOnlyList<string>? ServiceTags { get; init; }

    public string? Namespace { get; init; }
}
