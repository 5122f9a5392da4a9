using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Which of the pods a live snapshot holds belong to a workload: those in its namespace its selector selects (a bare
/// Pod is its own), as the ReplicaSet controller counts them.
/// </summary>
internal static class PodSelection
{
    public static bool Selects(Workload workload, ManifestResource pod)
    {
        if (workload.Kind == "Pod")
        {
            return pod.Name == workload.Name;
        }

        var selector = workload.Selector ?? workload.PodLabels;
        return selector.Count > 0 && LabelIndex.Matches(pod.Labels, selector);
    }

    /// <summary>The workload's pods in the snapshot, by name.</summary>
    public static IReadOnlyList<ManifestResource> Of(MeshModel model, Workload workload) =>
        [.. model.Pods.Of(workload).OrderBy(r => r.Name, StringComparer.Ordinal)];
}
