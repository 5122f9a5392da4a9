using MeshOps.Model;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// The pods the cluster reported for each workload: those in its namespace that its selector selects (a bare Pod is
/// its own). Shared by the runtime rules, which judge status and nothing else.
/// </summary>
internal static class ObservedPods
{
    public static IEnumerable<(Workload Workload, IReadOnlyList<(ManifestResource Pod, PodObservation Status)> Pods)> ByWorkload(MeshModel model)
    {
        if (model.Observed.Pods.Count == 0)
        {
            yield break;
        }

        // Indexed by namespace once, so a cluster of many workloads and pods is not read workloads × pods times.
        var podsByNamespace = model.Resources
            .Where(r => r.Kind == "Pod")
            .Select(r => (Pod: r, Key: new ObjectKey(MeshModelBuilder.NamespaceOf(r), r.Name)))
            .Where(p => model.Observed.Pods.ContainsKey(p.Key))
            .ToLookup(p => p.Key.Namespace, p => (p.Pod, Status: model.Observed.Pods[p.Key]), StringComparer.Ordinal);
        foreach (var workload in model.Workloads)
        {
            var mine = podsByNamespace[workload.Namespace].Where(p => PodSelection.Selects(workload, p.Pod)).ToList();
            if (mine.Count > 0)
            {
                yield return (workload, mine);
            }
        }
    }

    /// <summary>Where a container's status was written (a dump), or the pod itself (a live object).</summary>
    public static SourceLocation LocationOf(ManifestResource pod, string statusList, int index) =>
        pod.LocationOf("status", statusList, index, "state");
}
