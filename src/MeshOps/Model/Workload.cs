using k8s.Models;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Something that runs pods (Deployment, StatefulSet, DaemonSet, ReplicaSet or a bare Pod), seen through its pod template.
/// </summary>
public sealed class Workload : ISpanFormattable
{
    public required ManifestResource Resource { get; init; }

    public required string Namespace { get; init; }

    public string Name => Resource.Name;

    public string Kind => Resource.Kind;

    public required V1PodSpec PodSpec { get; init; }

    /// <summary>Path from the object root to its pod spec, for locating fields: ["spec","template","spec"] or ["spec"].</summary>
    public required IReadOnlyList<object> PodSpecPath { get; init; }

    public required IReadOnlyDictionary<string, string> PodLabels { get; init; }

    public required IReadOnlyDictionary<string, string> PodAnnotations { get; init; }

    /// <summary>The workload's own selector (matchLabels); null for a bare Pod.</summary>
    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    /// <summary>True when consul-k8s injects a sidecar (annotation, namespace label or the Helm default).</summary>
    public required bool InMesh { get; init; }

    /// <summary>Why <see cref="InMesh"/> has its value: annotation, namespace label or Helm default.</summary>
    public required string InMeshOrigin { get; init; }

    /// <summary>Transparent proxy for this pod (annotation, namespace label or the Helm default, which is true).</summary>
    public required bool TransparentProxy { get; init; }

    public required string TransparentProxyOrigin { get; init; }

    public required string ServiceAccountName { get; init; }

    public required IReadOnlyList<ExplicitUpstreamRef> ExplicitUpstreams { get; init; }

    /// <summary>Addresses the workload's configuration binds to, with where each is written.</summary>
    public IReadOnlyList<LocatedBind> Binds { get; init; } = [];

    /// <summary>
    /// The name Consul registers the pods under: the connect-service annotation, else the Kubernetes Service
    /// that selects them (consul-k8s endpoints controller), else the workload name. The Services themselves are
    /// <see cref="MeshModel.ServicesSelecting"/>.
    /// </summary>
    public required string ConsulServiceName { get; init; }

    public ObjectKey Key => new(Namespace, Name);

    public SourceLocation LocationOfPodField(params object[] path) => Resource.LocationOf([.. PodSpecPath, .. path]);

    public SourceLocation LocationOfTemplateAnnotation(string key) => LocationOfPodMetadata("annotations", key);

    /// <summary>A field of the pod template's metadata (or the bare Pod's).</summary>
    public SourceLocation LocationOfPodMetadata(params object[] path) =>
        Resource.LocationOf([.. PodSpecPath.Take(PodSpecPath.Count - 1), "metadata", .. path]);

    /// <summary>The workload's pod labels as a kubectl label selector.</summary>
    public string LabelSelector => string.Join(",", (Selector ?? PodLabels).Select(p => $"{p.Key}={p.Value}"));

    public override string ToString() => $"{Kind}/{Name}";

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Writes <c>Kind/Name</c> into an evidence line being built, without a string of its own.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite($"{Kind}/{Name}", out charsWritten);
}

/// <summary>An upstream declared in <c>consul.hashicorp.com/connect-service-upstreams</c>, reached on localhost:LocalPort.</summary>
public sealed record ExplicitUpstreamRef(string Service, string? Namespace, int LocalPort, string Excerpt);
