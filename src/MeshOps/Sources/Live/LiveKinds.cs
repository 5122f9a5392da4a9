using k8s;
using k8s.Models;
using MeshOps.Consul.Helm;

namespace MeshOps.Sources.Live;

/// <summary>
/// The kinds a live snapshot lists: every kind the model reads (<see cref="KindRegistry"/>) but Namespaces, which are
/// fetched by name, and the Helm values, which a cluster does not hold (the injector's flags stand for them).
/// </summary>
internal static class LiveKinds
{
    // First: the static lists below read it while they are built.
    private static readonly string[] MeshWideKinds = ["Mesh", "ProxyDefaults"];

    public static readonly LiveKind Deployments = LiveKind.Typed<V1Deployment>(
        "apps/v1", "Deployment", "deployments",
        async (c, ns, s, ct) => (await c.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
        async (c, s, ct) => (await c.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items);

    public static readonly IReadOnlyList<LiveKind> Namespaced =
    [
        LiveKind.Typed<V1Pod>(
            "v1", "Pod", "pods",
            async (c, ns, s, ct) => (await c.CoreV1.ListNamespacedPodAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.CoreV1.ListPodForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        Deployments,
        LiveKind.Typed<V1StatefulSet>(
            "apps/v1", "StatefulSet", "statefulsets",
            async (c, ns, s, ct) => (await c.AppsV1.ListNamespacedStatefulSetAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.AppsV1.ListStatefulSetForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1DaemonSet>(
            "apps/v1", "DaemonSet", "daemonsets",
            async (c, ns, s, ct) => (await c.AppsV1.ListNamespacedDaemonSetAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.AppsV1.ListDaemonSetForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1ReplicaSet>(
            "apps/v1", "ReplicaSet", "replicasets",
            async (c, ns, s, ct) => (await c.AppsV1.ListNamespacedReplicaSetAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.AppsV1.ListReplicaSetForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1Service>(
            "v1", "Service", "services",
            async (c, ns, s, ct) => (await c.CoreV1.ListNamespacedServiceAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.CoreV1.ListServiceForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1Endpoints>(
            "v1", "Endpoints", "endpoints",
            async (c, ns, s, ct) => (await c.CoreV1.ListNamespacedEndpointsAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.CoreV1.ListEndpointsForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1EndpointSlice>(
            "discovery.k8s.io/v1", "EndpointSlice", "endpointslices",
            async (c, ns, s, ct) => (await c.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.DiscoveryV1.ListEndpointSliceForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1ServiceAccount>(
            "v1", "ServiceAccount", "serviceaccounts",
            async (c, ns, s, ct) => (await c.CoreV1.ListNamespacedServiceAccountAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.CoreV1.ListServiceAccountForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1ConfigMap>(
            "v1", "ConfigMap", "configmaps",
            async (c, ns, s, ct) => (await c.CoreV1.ListNamespacedConfigMapAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.CoreV1.ListConfigMapForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        LiveKind.Typed<V1NetworkPolicy>(
            "networking.k8s.io/v1", "NetworkPolicy", "networkpolicies",
            async (c, ns, s, ct) => (await c.NetworkingV1.ListNamespacedNetworkPolicyAsync(ns, labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items,
            async (c, s, ct) => (await c.NetworkingV1.ListNetworkPolicyForAllNamespacesAsync(labelSelector: s, cancellationToken: ct).ConfigureAwait(false)).Items),
        .. ConsulKinds(mesh: false),
    ];

    /// <summary>
    /// Mesh and ProxyDefaults configure the whole mesh from whichever namespace holds them (consul-k8s allows one of
    /// each, usually beside the servers): they are listed across all namespaces even when the user asked for one.
    /// </summary>
    public static readonly IReadOnlyList<LiveKind> MeshWide = [.. ConsulKinds(mesh: true)];

    private static IEnumerable<LiveKind> ConsulKinds(bool mesh) =>
        KindRegistry.Kinds
            .Where(k => k.ApiVersion.StartsWith("consul.hashicorp.com/", StringComparison.Ordinal) && MeshWideKinds.Contains(k.Kind) == mesh)
            .Where(k => k.ApiVersion != ConsulHelmValues.ApiVersion)
            .Select(k => LiveKind.Custom(k.ApiVersion, k.Kind, Plural(k.Kind)));

    /// <summary>consul-k8s' CRD plurals: the kind lowercased, "Mesh" as "meshes", names already plural kept (config/crd/bases).</summary>
    internal static string Plural(string kind)
    {
        var lower = kind.ToLowerInvariant();
        return lower switch
        {
            "mesh" => "meshes",
            _ when lower.EndsWith('s') => lower,
            _ => lower + "s",
        };
    }
}
