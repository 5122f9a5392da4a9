using System.Text.Json.Nodes;

namespace MeshOps.Clients.Consul;

/// <summary>One instance from GET /v1/catalog/service/:service: the node it is registered on and the service fields.</summary>
public sealed record ConsulCatalogService
{
    /// <summary>The node's ID.</summary>
    public string Id { get; init; } = "";

    public string Node { get; init; } = "";

    /// <summary>The node's address.</summary>
    public string Address { get; init; } = "";

    public string Datacenter { get; init; } = "";

    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; }

    public IReadOnlyDictionary<string, string>? NodeMeta { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }

    public string ServiceAddress { get; init; } = "";

    public bool ServiceEnableTagOverride { get; init; }

    public string ServiceId { get; init; } = "";

    public string ServiceName { get; init; } = "";

    public int ServicePort { get; init; }

    public IReadOnlyDictionary<string, string>? ServiceMeta { get; init; }

    public IReadOnlyDictionary<string, ConsulServiceAddress>? ServiceTaggedAddresses { get; init; }

    public IReadOnlyList<string>? ServiceTags { get; init; }

    /// <summary>"" for a typical service, "connect-proxy" for a sidecar, "mesh-gateway", ... (omitted by Consul when empty).</summary>
    public string ServiceKind { get; init; } = "";

    public ConsulProxy? ServiceProxy { get; init; }

    public JsonObject? ServiceConnect { get; init; }

    public string? Namespace { get; init; }
}

/// <summary>An address and port in TaggedAddresses (lan, wan, lan_ipv4, ...).</summary>
public sealed record ConsulServiceAddress
{
    public string Address { get; init; } = "";

    public int Port { get; init; }
}

/// <summary>A connect-proxy's Proxy block: which service it fronts and where that service listens.</summary>
public sealed record ConsulProxy
{
    public string DestinationServiceName { get; init; } = "";

    public string DestinationServiceId { get; init; } = "";

    public string LocalServiceAddress { get; init; } = "";

    public int LocalServicePort { get; init; }

    /// <summary>"transparent", "direct" or "" (the default).</summary>
    public string? Mode { get; init; }

    public JsonObject? Config { get; init; }

    public JsonArray? Upstreams { get; init; }
}
