using System.Globalization;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH902: a mesh pod whose injected proxy (consul-dataplane, or envoy-sidecar before consul-k8s 1.0) is not ready.
/// Its readiness is Envoy's: not ready until Consul has given it a configuration, and the pod with it.
/// </summary>
internal sealed class SidecarNotReady : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.SidecarNotReady;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var (workload, pods) in ObservedPods.ByWorkload(model))
        {
            // A sidecar waiting for its pod to start (PodInitializing) is not its own fault: an init container has not finished.
            var notReady = pods.Where(p => p.Status.Sidecar is { Ready: false } sidecar && sidecar.WaitingReason is not ("PodInitializing" or "ContainerCreating")).ToList();
            if (notReady.Count == 0)
            {
                continue;
            }

            var first = notReady[0];
            var sidecar = first.Status.Sidecar!;
            var native = first.Status.InitContainers.Contains(sidecar);
            var index = (native ? first.Status.InitContainers : first.Status.Containers).ToList().IndexOf(sidecar);
            var details = string.Join("; ", notReady.Select(p => $"{p.Pod.Name}: {Describe(p.Status.Sidecar!)}"));
            yield return new RuleHit(Descriptor, first.Pod,
                ObservedPods.LocationOf(first.Pod, native ? "initContainerStatuses" : "containerStatuses", index),
                [workload.Name, workload.Namespace, notReady.Count.ToString(CultureInfo.InvariantCulture), details, workload.LabelSelector, sidecar.Name],
                [new Evidence(workload.Resource.Ref, workload.Resource.Location, "owns the pods")]);
        }
    }

    private static string Describe(ContainerObservation sidecar) =>
        $"{sidecar.Name} not ready"
        + (sidecar.WaitingReason is { Length: > 0 } waiting ? $", waiting ({waiting})" : string.Empty)
        + $", {sidecar.RestartCount} restart(s)";
}
