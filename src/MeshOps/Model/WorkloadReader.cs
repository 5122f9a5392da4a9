using MeshOps.Discovery;

namespace MeshOps.Model;

/// <summary>Builds a <see cref="Workload"/> from its pod template and what the earlier stages found for it.</summary>
internal static class WorkloadReader
{
    public static Workload Read(PodTemplate template, InjectionSettings injection, IReadOnlyList<DeclaredService> selectedBy, IReadOnlyList<LocatedBind> binds)
    {
        var (resource, ns, spec, annotations) = (template.Resource, template.Namespace, template.Spec, template.Annotations);
        var inMesh = injection.InMesh(ns, annotations, () => template.LocationOfAnnotation(ConsulAnnotations.ConnectInject));
        var tproxy = injection.TransparentProxy(ns, annotations, () => template.LocationOfAnnotation(ConsulAnnotations.TransparentProxy));
        return new Workload
        {
            Resource = resource,
            Namespace = ns,
            PodSpec = spec,
            PodSpecPath = template.SpecPath,
            PodLabels = template.Labels,
            PodAnnotations = annotations,
            Selector = template.Selector,
            InMesh = inMesh.Value,
            InMeshOrigin = inMesh.Origin,
            TransparentProxy = tproxy.Value,
            TransparentProxyOrigin = tproxy.Origin,
            ServiceAccountName = string.IsNullOrEmpty(spec.ServiceAccountName) ? "default" : spec.ServiceAccountName,
            ConsulServiceName = ConsulServiceName(template, selectedBy),
            ExplicitUpstreams = annotations.TryGetValue(ConsulAnnotations.ConnectServiceUpstreams, out var upstreams)
                ? ConnectServiceUpstreams.Parse(upstreams).Upstreams
                    // Upstreams in another datacenter or peer, and prepared queries, are resolved outside these manifests.
                    .Where(u => !u.IsPreparedQuery && u.Peer is null && string.IsNullOrEmpty(u.Datacenter))
                    .Select(u => new ExplicitUpstreamRef(u.Service, u.Namespace, u.LocalPort, u.Excerpt)).ToList()
                : [],
            Binds = binds,
        };
    }

    /// <summary>
    /// The name Consul registers the pods under: the connect-service annotation, else the first Kubernetes Service that
    /// selects them and is not ignored (consul-k8s endpoints controller), else the workload name.
    /// </summary>
    private static string ConsulServiceName(PodTemplate template, IReadOnlyList<DeclaredService> selectedBy) =>
        template.Annotations.TryGetValue(ConsulAnnotations.ConnectService, out var name) && !string.IsNullOrWhiteSpace(name)
            ? name.Split(',')[0].Trim()
            : selectedBy.FirstOrDefault(s => !KubernetesService.IsIgnoredByConsul(s.Resource))?.Resource.Name ?? template.Resource.Name;
}
