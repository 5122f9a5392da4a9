using k8s.Models;

namespace MeshOps.Paths.Live;

/// <summary>A running pod at one end of a path, as the live snapshot holds it: what the probes exec into and forward to.</summary>
/// <param name="Sidecar">The injected proxy container (consul-dataplane, or envoy-sidecar), null when the pod has none.</param>
internal sealed record PathPod(string Namespace, string Name, string? PodIp, V1Pod Pod, string? Sidecar)
{
    /// <summary>The containers that are not the sidecar, in the order the pod declares them.</summary>
    public IEnumerable<V1Container> AppContainers => (Pod.Spec?.Containers ?? []).Where(c => c.Name != Sidecar);

    public override string ToString() => $"{Namespace}/{Name}";
}
