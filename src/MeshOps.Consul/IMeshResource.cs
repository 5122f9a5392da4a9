namespace MeshOps.Consul;

/// <summary>
/// A Kubernetes resource of the mesh (a Consul config entry CRD or a user CRD) built in C#: what every generated
/// resource type has in common, so a mesh can hold and write them together.
/// </summary>
public interface IMeshResource
{
    /// <summary>The resource's <c>apiVersion</c>, e.g. <c>consul.hashicorp.com/v1alpha1</c>.</summary>
    string ApiVersion { get; }

    /// <summary>The resource's <c>kind</c>, e.g. <c>ServiceDefaults</c>.</summary>
    string Kind { get; }

    /// <summary>The standard object metadata (name, namespace, labels, annotations).</summary>
    k8s.Models.V1ObjectMeta Metadata { get; }

    /// <summary>
    /// What consul-k8s reported for the resource (the <c>Synced</c> condition), when it was read from a cluster or a
    /// dump that carries status; null for a manifest. The built-in kinds carry it; a user CRD keeps its status unread.
    /// </summary>
    ConsulStatus? Status => null;
}
