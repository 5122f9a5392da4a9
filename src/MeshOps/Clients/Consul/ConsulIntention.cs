using System.Text.Json.Nodes;

namespace MeshOps.Clients.Consul;

/// <summary>An intention as /v1/connect/intentions/match and /exact show it (one source of a service-intentions entry).</summary>
public sealed record ConsulIntention
{
    public string? Id { get; init; }

    public string Description { get; init; } = "";

    public string SourceNS { get; init; } = "";

    public string SourceName { get; init; } = "";

    public string DestinationNS { get; init; } = "";

    public string DestinationName { get; init; } = "";

    public string SourceType { get; init; } = "";

    /// <summary>"allow" or "deny"; "" for an L7 intention, whose Permissions decide instead.</summary>
    public string Action { get; init; } = "";

    public JsonArray? Permissions { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>Consul's precedence (9 exact to exact ... 1 wildcard to wildcard); /exact reports it, /match may not.</summary>
    public int? Precedence { get; init; }

    public ulong CreateIndex { get; init; }

    public ulong ModifyIndex { get; init; }
}

/// <summary>Which side /v1/connect/intentions/match matches names on.</summary>
public enum ConsulIntentionMatchBy
{
    Source,
    Destination,
}
