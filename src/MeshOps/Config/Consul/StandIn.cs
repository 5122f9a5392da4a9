// Stand-in for the schema-driven CRD classes of issue 3 (built on branch wt-crd). Same names and JSON shape as that
// contract; delete this file when the generated types merge. Code that uses these types uses object initialisers only.
using System.Text.Json.Serialization;
using k8s.Models;

namespace MeshOps.Config
{
    /// <summary>A Kubernetes resource the typed mesh writes: API version, kind and metadata.</summary>
    public interface IMeshResource
    {
        /// <summary>The resource's apiVersion.</summary>
        string ApiVersion { get; }

        /// <summary>The resource's kind.</summary>
        string Kind { get; }

        /// <summary>The resource's metadata.</summary>
        V1ObjectMeta Metadata { get; }
    }
}

namespace MeshOps.Config.Consul
{
    /// <summary>Consul ServiceDefaults (stand-in).</summary>
    public sealed class ServiceDefaults : IMeshResource
    {
        /// <summary>apiVersion.</summary>
        [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "consul.hashicorp.com/v1alpha1";

        /// <summary>kind.</summary>
        [JsonPropertyName("kind")] public string Kind { get; set; } = "ServiceDefaults";

        /// <summary>metadata.</summary>
        [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();

        /// <summary>spec.</summary>
        [JsonPropertyName("spec")] public ServiceDefaultsSpec? Spec { get; set; }
    }

    /// <summary>ServiceDefaults spec (stand-in).</summary>
    public sealed class ServiceDefaultsSpec
    {
        /// <summary>protocol.</summary>
        [JsonPropertyName("protocol")] public MeshProtocol? Protocol { get; set; }
    }

    /// <summary>Consul ServiceIntentions (stand-in).</summary>
    public sealed class ServiceIntentions : IMeshResource
    {
        /// <summary>apiVersion.</summary>
        [JsonPropertyName("apiVersion")] public string ApiVersion { get; set; } = "consul.hashicorp.com/v1alpha1";

        /// <summary>kind.</summary>
        [JsonPropertyName("kind")] public string Kind { get; set; } = "ServiceIntentions";

        /// <summary>metadata.</summary>
        [JsonPropertyName("metadata")] public V1ObjectMeta Metadata { get; set; } = new();

        /// <summary>spec.</summary>
        [JsonPropertyName("spec")] public ServiceIntentionsSpec? Spec { get; set; }
    }

    /// <summary>ServiceIntentions spec (stand-in).</summary>
    public sealed class ServiceIntentionsSpec
    {
        /// <summary>destination.</summary>
        [JsonPropertyName("destination")] public ServiceIntentionsDestination? Destination { get; set; }

        /// <summary>sources.</summary>
        [JsonPropertyName("sources")] public IList<ServiceIntentionsSource> Sources { get; set; } = [];
    }

    /// <summary>ServiceIntentions destination (stand-in).</summary>
    public sealed class ServiceIntentionsDestination
    {
        /// <summary>name.</summary>
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    /// <summary>ServiceIntentions source (stand-in).</summary>
    public sealed class ServiceIntentionsSource
    {
        /// <summary>name.</summary>
        [JsonPropertyName("name")] public string? Name { get; set; }

        /// <summary>action.</summary>
        [JsonPropertyName("action")] public IntentionAction? Action { get; set; }
    }
}
