using k8s.Models;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// What a workload object says its pods look like: the pod spec, its labels and annotations, and the owner's selector.
/// Selection and call discovery work on this, so the <see cref="Workload"/> is built once with everything it holds.
/// </summary>
internal sealed record PodTemplate(
    ManifestResource Resource,
    string Namespace,
    V1PodSpec Spec,
    IReadOnlyList<object> SpecPath,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    IReadOnlyDictionary<string, string>? Selector)
{
    private static readonly object[] TemplatePodSpec = ["spec", "template", "spec"];
    private static readonly object[] BarePodSpec = ["spec"];

    public SourceLocation LocationOfPodField(params object[] path) => Resource.LocationOf([.. SpecPath, .. path]);

    public SourceLocation LocationOfAnnotation(string key) => Resource.LocationOf([.. SpecPath.Take(SpecPath.Count - 1), "metadata", "annotations", key]);

    /// <summary>The pod template of a Deployment, StatefulSet, DaemonSet or ReplicaSet, or a bare Pod's own spec; null for anything else.</summary>
    public static PodTemplate? Read(ManifestResource resource, string ns)
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

        return new PodTemplate(resource, ns, template.Spec, path, ToMap(template.Metadata?.Labels), ToMap(template.Metadata?.Annotations),
            selector?.MatchLabels is { } matchLabels ? ToMap(matchLabels) : null);
    }

    /// <summary>
    /// A key written with nothing after it (<c>consul.hashicorp.com/connect-inject:</c>) is null in the typed model;
    /// Kubernetes stores it as the empty string, so that is what every reader of the annotations sees.
    /// </summary>
    private static IReadOnlyDictionary<string, string> ToMap(IDictionary<string, string>? map) =>
        map is null ? new Dictionary<string, string>() : map.ToDictionary(p => p.Key, p => p.Value ?? "");
}
