using System.Globalization;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH901: a workload's pods whose app container the kubelet reports waiting (CrashLoopBackOff,
/// CreateContainerConfigError, ImagePullBackOff, …) or terminated, or a pod that failed. A pod with a container down
/// is not ready, so the endpoints controller leaves it out and no caller reaches it. The mesh sidecar is MESH902's.
/// </summary>
internal sealed class PodsNotRunning : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.PodsNotRunning;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var (workload, pods) in ObservedPods.ByWorkload(model))
        {
            var down = pods
                .Select(p => (p.Pod, Problems: Problems(p.Status)))
                .Where(p => p.Problems.Count > 0)
                .ToList();
            if (down.Count == 0)
            {
                continue;
            }

            var (firstPod, firstProblems) = down[0];
            var details = string.Join("; ", down.Select(p => $"{p.Pod.Name}: {string.Join(", ", p.Problems.Select(c => c.Text))}"));
            yield return new RuleHit(Descriptor, firstPod, ObservedPods.LocationOf(firstPod, firstProblems[0].List, firstProblems[0].Index),
                [workload.Name, workload.Namespace, down.Count.ToString(CultureInfo.InvariantCulture), details, workload.LabelSelector],
                [new Evidence(workload.Resource.Ref, workload.Resource.Location, "owns the pods")]);
        }
    }

    /// <summary>
    /// Reasons a container waits while its pod is still starting: the cause, if any, is in another container (an init
    /// container that has not finished), so they are not reported as this container's fault.
    /// </summary>
    private static readonly HashSet<string> Starting = new(StringComparer.Ordinal) { "PodInitializing", "ContainerCreating" };

    private static List<(string List, int Index, string Text)> Problems(PodObservation pod)
    {
        var problems = new List<(string, int, string)>();
        Add(problems, pod.InitContainers, "initContainerStatuses", "init container", pod.Sidecar);
        Add(problems, pod.Containers, "containerStatuses", "container", pod.Sidecar);
        if (problems.Count == 0 && pod.Phase == "Failed")
        {
            problems.Add(("containerStatuses", 0, "the pod failed (phase Failed)"));
        }

        return problems;
    }

    private static void Add(List<(string, int, string)> problems, IReadOnlyList<ContainerObservation> containers, string list, string what, ContainerObservation? sidecar)
    {
        for (var i = 0; i < containers.Count; i++)
        {
            var container = containers[i];
            if (ReferenceEquals(container, sidecar))
            {
                continue;
            }

            // Only the current state counts: lastState is a previous run, and a container running again after a crash is
            // not down (not being ready while running is a readiness matter, MESH903's).
            var reason = container.WaitingReason is { Length: > 0 } waiting && !Starting.Contains(waiting) ? $"waiting ({waiting}{LastRun(container)})"
                : container.WaitingReason is null && !container.Ready && what == "container" && container.TerminatedReason is { Length: > 0 } terminated ? $"terminated ({terminated})"
                : null;
            if (reason is not null)
            {
                problems.Add((list, i, $"{what} {container.Name} {reason}, {container.RestartCount} restart(s)"));
            }
        }
    }

    private static string LastRun(ContainerObservation container) =>
        container.LastTerminatedReason is { Length: > 0 } last ? $", last run ended: {last}" : string.Empty;
}
