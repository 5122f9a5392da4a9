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

        // Indexed once, so a cluster of many workloads and pods is not read workloads × pods times.
        var observed = model.Resources
            .Where(r => r.Kind == "Pod" && model.Observed.Pods.ContainsKey(KeyOf(r)))
            .ToList();
        var pods = new PodIndex(observed);
        foreach (var workload in model.Workloads)
        {
            var mine = pods.Of(workload).Select(pod => (pod, model.Observed.Pods[KeyOf(pod)])).ToList();
            if (mine.Count > 0)
            {
                yield return (workload, mine);
            }
        }
    }

    private static ObjectKey KeyOf(ManifestResource pod) => new(MeshModelBuilder.NamespaceOf(pod), pod.Name);

    /// <summary>Where a container's status was written (a dump), or the pod itself (a live object).</summary>
    public static SourceLocation LocationOf(ManifestResource pod, string statusList, int index) =>
        pod.LocationOf("status", statusList, index, "state");
}
