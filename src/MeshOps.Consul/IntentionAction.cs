using System.Text.Json.Serialization;

namespace MeshOps.Consul;

/// <summary>What a service intention does with a matching source (<c>ServiceIntentions.spec.sources[].action</c>).</summary>
[ConsulReadsAnyCase]
[JsonConverter(typeof(ConsulEnumConverter<IntentionAction>))]
public enum IntentionAction
{
    /// <summary>Let the source connect.</summary>
    [JsonStringEnumMemberName("allow")] Allow,

    /// <summary>Refuse the source: the destination's sidecar closes the connection, or answers an HTTP request with 403.</summary>
    [JsonStringEnumMemberName("deny")] Deny,
}
