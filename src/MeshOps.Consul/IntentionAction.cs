using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>What a service intention does with a matching source (<c>ServiceIntentions.spec.sources[].action</c>).</summary>
[ConsulReadsAnyCase]
[JsonConverter(typeof(ConsulEnumConverter<IntentionAction>))]
public enum IntentionAction
{
    /// <summary>Let the source connect.</summary>
    [JsonStringEnumMemberName("allow")] Allow,

    /// <summary>Refuse the source; Envoy resets the connection.</summary>
    [JsonStringEnumMemberName("deny")] Deny,
}
