using k8s.Models;
using MeshOps.Discovery;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Model;

/// <summary>Turns a workload object of any supported kind into a <see cref="Workload"/>.</summary>
internal static class WorkloadReader
{
    private static readonly object[] TemplatePodSpec = ["spec", "template", "spec"];
    private static readonly object[] BarePodSpec = ["spec"];

    public static Workload? Read(ManifestResource resource, string ns, InjectionSettings injection)
    {
        var (template, selector, path) = resource.Model switch
        {
            V1Deployment d => (d.Spec?.Template, d.Spec?.Selector, TemplatePodSpec),
            V1StatefulSet s => (s.Spec?.Template, s.Spec?.Selector, TemplatePodSpec),
            V1DaemonSet d => (d.Spec?.Template, d.Spec?.Selector, TemplatePodSpec),
            V1ReplicaSet r => (r.Spec?.Template, r.Spec?.Selector, TemplatePodSpec),
            V1Pod p => (new V1PodTemplateSpec { Metadata = p.Metadata, Spec = p.Spec }, null, BarePodSpec),
            _ => (null, (V1LabelSelector?)null, Array.Empty<object>()),
        };
        if (template?.Spec is null)
        {
            return null;
        }

        var annotations = ToMap(template.Metadata?.Annotations);
        object[] annotationPath = [.. path.Take(path.Length - 1), "metadata", "annotations"];
        var inMesh = injection.InMesh(ns, annotations, () => resource.LocationOf([.. annotationPath, ConsulAnnotations.ConnectInject]));
        var tproxy = injection.TransparentProxy(ns, annotations, () => resource.LocationOf([.. annotationPath, ConsulAnnotations.TransparentProxy]));
        return new Workload
        {
            Resource = resource,
            Namespace = ns,
            PodSpec = template.Spec,
            PodSpecPath = path,
            PodLabels = ToMap(template.Metadata?.Labels),
            PodAnnotations = annotations,
            Selector = selector?.MatchLabels is { } matchLabels ? ToMap(matchLabels) : null,
            InMesh = inMesh.Value,
            InMeshOrigin = inMesh.Origin,
            TransparentProxy = tproxy.Value,
            TransparentProxyOrigin = tproxy.Origin,
            ServiceAccountName = string.IsNullOrEmpty(template.Spec.ServiceAccountName) ? "default" : template.Spec.ServiceAccountName,
            ExplicitUpstreams = annotations.TryGetValue(ConsulAnnotations.ConnectServiceUpstreams, out var upstreams)
                ? ConnectServiceUpstreams.Parse(upstreams).Upstreams
                    // Upstreams in another datacenter or peer, and prepared queries, are resolved outside these manifests.
                    .Where(u => !u.IsPreparedQuery && u.Peer is null && string.IsNullOrEmpty(u.Datacenter))
                    .Select(u => new ExplicitUpstreamRef(u.Service, u.Namespace, u.LocalPort, u.Excerpt)).ToList()
                : [],
        };
    }

    private static IReadOnlyDictionary<string, string> ToMap(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>() : new Dictionary<string, string>(map);
}
