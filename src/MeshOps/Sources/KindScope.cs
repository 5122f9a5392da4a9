using System.Collections.Frozen;

namespace MeshOps.Sources;

/// <summary>
/// Which kinds live outside any namespace. kubectl learns this from the cluster's discovery; offline, these are the
/// built-in cluster-scoped kinds, the cluster-scoped kinds of consul-k8s' chart (<c>scope: Cluster</c> in its
/// <c>crd-*.yaml</c>) and of the Gateway API. Any other kind is taken to be namespaced, as nearly every CRD is.
/// </summary>
public static class KindScope
{
    private static readonly FrozenSet<(string Group, string Kind)> ClusterScoped = new (string, string)[]
    {
        ("", "Namespace"), ("", "Node"), ("", "PersistentVolume"), ("", "ComponentStatus"),
        ("rbac.authorization.k8s.io", "ClusterRole"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"),
        ("apiextensions.k8s.io", "CustomResourceDefinition"),
        ("apiregistration.k8s.io", "APIService"),
        ("admissionregistration.k8s.io", "MutatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicy"),
        ("admissionregistration.k8s.io", "ValidatingAdmissionPolicyBinding"),
        ("storage.k8s.io", "StorageClass"), ("storage.k8s.io", "CSIDriver"), ("storage.k8s.io", "CSINode"),
        ("storage.k8s.io", "VolumeAttachment"),
        ("scheduling.k8s.io", "PriorityClass"),
        ("networking.k8s.io", "IngressClass"),
        ("node.k8s.io", "RuntimeClass"),
        ("policy", "PodSecurityPolicy"),
        ("certificates.k8s.io", "CertificateSigningRequest"),
        ("flowcontrol.apiserver.k8s.io", "FlowSchema"), ("flowcontrol.apiserver.k8s.io", "PriorityLevelConfiguration"),
        ("gateway.networking.k8s.io", "GatewayClass"),
        ("consul.hashicorp.com", "GatewayClassConfig"), ("consul.hashicorp.com", "RateLimit"), ("consul.hashicorp.com", "Registration"),
    }.ToFrozenSet();

    /// <summary>True for a kind no namespace applies to (kubectl ignores <c>-n</c> and <c>metadata.namespace</c> for it).</summary>
    public static bool IsClusterScoped(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        return ClusterScoped.Contains((GroupOf(apiVersion), kind));
    }

    /// <summary>The API group of an apiVersion: <c>apps</c> for <c>apps/v1</c>, empty for the core <c>v1</c>.</summary>
    public static string GroupOf(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
