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

        var pods = model.Resources
            .Where(r => r.Kind == "Pod" && model.Observed.Pods.ContainsKey(new ObjectKey(MeshModelBuilder.NamespaceOf(r), r.Name)))
            .Select(r => (Pod: r, Status: model.Observed.Pods[new ObjectKey(MeshModelBuilder.NamespaceOf(r), r.Name)]))
            .ToList();
        foreach (var workload in model.Workloads)
        {
            var selector = workload.Selector ?? workload.PodLabels;
            var mine = pods
                .Where(p => MeshModelBuilder.NamespaceOf(p.Pod) == workload.Namespace
                    && (workload.Kind == "Pod" ? p.Pod.Name == workload.Name : selector.Count > 0 && LabelIndex.Matches(p.Pod.Labels, selector)))
                .ToList();
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
