using k8s.Models;
using MeshOps.Model;

namespace MeshOps.Paths.Live;

/// <summary>
/// The running pods of a path's end, from the snapshot already read (no request per pod): the pod the user named
/// first, then the end's workloads' pods by name. A pod that is not Running has no socket or sidecar to ask.
/// </summary>
internal static class PathPods
{
    public static IReadOnlyList<PathPod> Running(MeshModel model, PathEnd end)
    {
        var pods = end.Workloads
            .SelectMany(w => PodSelection.Of(model, w))
            .DistinctBy(r => (MeshModelBuilder.NamespaceOf(r), r.Name))
            .OrderBy(r => r.Name == end.Pod ? 0 : 1)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        var running = new List<PathPod>();
        foreach (var resource in pods)
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            if (resource.As<V1Pod>() is not { } pod
                || !model.Observed.Pods.TryGetValue(new ObjectKey(ns, resource.Name), out var observed)
                || observed.Phase != "Running")
            {
                continue;
            }

            running.Add(new PathPod(ns, resource.Name, pod.Status?.PodIP, pod, observed.Sidecar?.Name));
        }

        return running;
    }
}
