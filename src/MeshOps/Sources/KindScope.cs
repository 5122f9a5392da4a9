namespace MeshOps.Sources;

/// <summary>
/// Which kinds live outside any namespace. kubectl learns this from the cluster's discovery; offline, these are the
/// built-in cluster-scoped kinds, the cluster-scoped kinds of consul-k8s' chart (<c>scope: Cluster</c> in its
/// <c>crd-*.yaml</c>) and of the Gateway API. Any other kind is taken to be namespaced, as nearly every CRD is.
/// </summary>
public static class KindScope
{
    // Kind -> group (no two of these kinds share a name: Add throws on a second): a plain dictionary of strings, whose code ReadyToRun holds,
    // not a frozen set of (group, kind) pairs, which a session's first command JIT-compiled (issue 14, first call).
    private static readonly Dictionary<string, string> ClusterScoped = new(StringComparer.Ordinal)
    {
        { "Namespace", "" },
        { "Node", "" },
        { "PersistentVolume", "" },
        { "ComponentStatus", "" },
        { "ClusterRole", "rbac.authorization.k8s.io" },
        { "ClusterRoleBinding", "rbac.authorization.k8s.io" },
        { "CustomResourceDefinition", "apiextensions.k8s.io" },
        { "APIService", "apiregistration.k8s.io" },
        { "MutatingWebhookConfiguration", "admissionregistration.k8s.io" },
        { "ValidatingWebhookConfiguration", "admissionregistration.k8s.io" },
        { "ValidatingAdmissionPolicy", "admissionregistration.k8s.io" },
        { "ValidatingAdmissionPolicyBinding", "admissionregistration.k8s.io" },
        { "StorageClass", "storage.k8s.io" },
        { "CSIDriver", "storage.k8s.io" },
        { "CSINode", "storage.k8s.io" },
        { "VolumeAttachment", "storage.k8s.io" },
        { "PriorityClass", "scheduling.k8s.io" },
        { "IngressClass", "networking.k8s.io" },
        { "RuntimeClass", "node.k8s.io" },
        { "PodSecurityPolicy", "policy" },
        { "CertificateSigningRequest", "certificates.k8s.io" },
        { "FlowSchema", "flowcontrol.apiserver.k8s.io" },
        { "PriorityLevelConfiguration", "flowcontrol.apiserver.k8s.io" },
        { "GatewayClass", "gateway.networking.k8s.io" },
        { "GatewayClassConfig", "consul.hashicorp.com" },
        { "RateLimit", "consul.hashicorp.com" },
        { "Registration", "consul.hashicorp.com" },
    };

    /// <summary>True for a kind no namespace applies to (kubectl ignores <c>-n</c> and <c>metadata.namespace</c> for it).</summary>
    public static bool IsClusterScoped(string apiVersion, string kind)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        return ClusterScoped.TryGetValue(kind, out var group) && string.Equals(group, GroupOf(apiVersion), StringComparison.Ordinal);
    }

    /// <summary>The API group of an apiVersion: <c>apps</c> for <c>apps/v1</c>, empty for the core <c>v1</c>.</summary>
    public static string GroupOf(string apiVersion)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "" : apiVersion[..slash];
    }
}
