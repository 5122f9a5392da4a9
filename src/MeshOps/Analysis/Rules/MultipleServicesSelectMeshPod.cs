using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH108: several Services select one mesh pod. consul-k8s registers it once per Service and connect-init, which
/// waits for exactly one, times out ("There are multiple Consul services registered for this pod", consul-k8s#1606)
/// unless the extras carry service-ignore or the pod is multi-port.
/// </summary>
internal sealed class MultipleServicesSelectMeshPod : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MultipleServicesSelectMeshPod;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads.Where(w => w.InMesh && !NamesItsConsulServices(w)))
        {
            var registering = model.ServicesSelecting(workload).Where(s => !s.IgnoredByConsul).ToList();
            if (registering.Count < 2)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodMetadata("labels"),
                [workload.Name, workload.Namespace, string.Join(", ", registering.Select(s => s.Name)), workload.LabelSelector, workload.InMeshOrigin],
                registering.Select(s => new Evidence(s.Resource.Ref, s.Resource.LocationOf("spec", "selector"), "selects the pod")).ToList());
        }
    }

    /// <summary>
    /// A comma-separated connect-service annotation is consul-k8s' multi-port set-up, which expects several Services.
    /// A single name overrides the Service name in the endpoints controller's serviceID ("&lt;pod&gt;-&lt;name&gt;",
    /// endpoints_controller.go serviceName/serviceID), so every selecting Service writes the same registration and
    /// connect-init finds one service and its proxy, as it requires.
    /// </summary>
    private static bool NamesItsConsulServices(Workload workload) =>
        workload.PodAnnotations.TryGetValue(ConsulAnnotations.ConnectService, out var names) && !string.IsNullOrWhiteSpace(names);
}
