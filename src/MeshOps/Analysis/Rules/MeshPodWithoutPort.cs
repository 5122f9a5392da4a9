using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH107: a mesh pod whose first container declares no port and that has no connect-service-port annotation.
/// consul-k8s takes the service port from the first container (mesh_webhook defaultAnnotations), so it registers port 0
/// (consul-k8s#195, consul#9276).
/// </summary>
internal sealed class MeshPodWithoutPort : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MeshPodWithoutPort;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads.Where(w => w.InMesh))
        {
            var first = workload.PodSpec.Containers?.FirstOrDefault();
            if (first is null || first.Ports is { Count: > 0 } || workload.PodAnnotations.ContainsKey(ConsulAnnotations.ConnectServicePort))
            {
                continue;
            }

            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("containers", 0),
                [workload.Name, workload.Namespace, first.Name, workload.LabelSelector, workload.InMeshOrigin], []);
        }
    }
}
