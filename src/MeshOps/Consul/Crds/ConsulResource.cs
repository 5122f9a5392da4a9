using System.Text.Json.Serialization;
using k8s.Models;

namespace MeshOps.Consul.Crds;

/// <summary>The envelope every consul.hashicorp.com/v1alpha1 resource shares; the kind's own fields are in its spec.</summary>
public abstract record ConsulResource<TSpec>
    where TSpec : class
{
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; init; }

    [JsonPropertyName("kind")] public string? Kind { get; init; }

    [JsonPropertyName("metadata")] public V1ObjectMeta? Metadata { get; init; }

    [JsonPropertyName("spec")] public TSpec? Spec { get; init; }
}
