using System.Text.Json.Nodes;

namespace MeshOps.Clients.Consul;

/// <summary>GET /v1/agent/self: the agent's configuration, its runtime DebugConfig (format subject to change), and its gossip member.</summary>
public sealed record ConsulAgentSelf
{
    public ConsulAgentConfig Config { get; init; } = new();

    /// <summary>The full runtime configuration, kept as JSON: Consul documents its shape as subject to change.</summary>
    public JsonObject? DebugConfig { get; init; }

    public ConsulMember? Member { get; init; }

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    /// <summary>DebugConfig.ACLsEnabled, when the agent reports it.</summary>
    public bool? AclsEnabled => DebugConfig?["ACLsEnabled"] is JsonValue value && value.TryGetValue<bool>(out var enabled) ? enabled : null;

    /// <summary>DebugConfig.ACLResolverSettings.ACLDefaultPolicy ("allow" or "deny"): what an intention check answers when nothing matches.</summary>
    public string? AclDefaultPolicy => DebugConfig?["ACLResolverSettings"]?["ACLDefaultPolicy"] is JsonValue value && value.TryGetValue<string>(out var policy) ? policy : null;

    /// <summary>DebugConfig.DefaultIntentionPolicy (Consul 1.19+; "" when unset, and the ACL default applies).</summary>
    public string? DefaultIntentionPolicy => DebugConfig?["DefaultIntentionPolicy"] is JsonValue value && value.TryGetValue<string>(out var policy) ? policy : null;
}

/// <summary>The Config block of /v1/agent/self.</summary>
public sealed record ConsulAgentConfig
{
    public string Datacenter { get; init; } = "";

    public string NodeName { get; init; } = "";

    public string NodeId { get; init; } = "";

    public bool Server { get; init; }

    public string Revision { get; init; } = "";

    public string Version { get; init; } = "";
}

/// <summary>The agent's Serf LAN member.</summary>
public sealed record ConsulMember
{
    public string Name { get; init; } = "";

    public string Addr { get; init; } = "";

    public int Port { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public int Status { get; init; }
}
