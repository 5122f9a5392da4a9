using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>
/// Which Consul namespace a Kubernetes namespace's services and config entries land in, as consul-k8s decides it
/// (control-plane/namespaces/namespaces.go ConsulNamespace): without Enterprise namespaces always "default"; with them
/// the mirrored Kubernetes namespace (with its prefix) when mirroringK8S is on, else consulDestinationNamespace.
/// </summary>
/// <param name="Enabled">global.enableConsulNamespaces; null when no Helm values were read, so nothing is known.</param>
/// <param name="Origin">Where <paramref name="Enabled"/> was read, for messages.</param>
public sealed record ConsulNamespaces(bool? Enabled, string DestinationNamespace, bool Mirroring, string MirroringPrefix, string Origin)
{
    /// <summary>No Helm values among the inputs: CE and Enterprise are equally possible.</summary>
    public static readonly ConsulNamespaces Unknown = new(null, ConsulNames.DefaultNamespace, Mirroring: true, string.Empty, "no consul-k8s Helm values among the inputs");

    /// <summary>The Consul namespace of services and config entries in <paramref name="kubernetesNamespace"/>; null when unknown.</summary>
    public string? Of(string kubernetesNamespace) => Enabled switch
    {
        true => Mirroring ? MirroringPrefix + kubernetesNamespace : DestinationNamespace,
        false => ConsulNames.DefaultNamespace,
        null => null,
    };
}
