using System.Text.Json;
using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>
/// The <c>status</c> consul-k8s writes on every config-entry resource: whether the entry reached Consul
/// (condition <c>Synced</c>) and when. Every consul.hashicorp.com config-entry CRD has this same shape.
/// </summary>
public sealed class ConsulStatus
{
    /// <summary>The conditions; consul-k8s sets one, <c>Synced</c>, with <c>True</c> or <c>False</c> and the reason.</summary>
    [JsonPropertyName("conditions")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<ConsulCondition>? Conditions { get; set; }

    /// <summary>When consul-k8s last wrote the entry to Consul.</summary>
    [JsonPropertyName("lastSyncedTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastSyncedTime { get; set; }

    /// <summary>Fields a newer CRD adds, kept as read.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The <c>Synced</c> condition, if consul-k8s has written one.</summary>
    public ConsulCondition? Synced => Conditions?.FirstOrDefault(c => c.Type == "Synced");
}

/// <summary>One condition of a <see cref="ConsulStatus"/>.</summary>
public sealed class ConsulCondition
{
    /// <summary>The condition's type, e.g. <c>Synced</c>.</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Type { get; set; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    [JsonPropertyName("status")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; set; }

    /// <summary>When the condition last changed.</summary>
    [JsonPropertyName("lastTransitionTime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? LastTransitionTime { get; set; }

    /// <summary>A one-word reason, e.g. <c>ConsulAgentError</c>.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; set; }

    /// <summary>What went wrong, in Consul's words.</summary>
    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }

    /// <summary>Fields a newer CRD adds, kept as read.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
