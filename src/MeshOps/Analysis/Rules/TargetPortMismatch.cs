using k8s.Models;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH101: a Service port's targetPort that no selected container declares.</summary>
internal sealed class TargetPortMismatch : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.TargetPortMismatch;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var service in model.Services)
        {
            for (var i = 0; i < service.Ports.Count; i++)
            {
                var port = service.Ports[i];
                var target = ContainerPorts.TargetOf(port);
                var missing = service.Workloads.Where(w => DeclaresPorts(w) && !ContainerPorts.Resolve(w, target).HasValue).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                var location = port.TargetPort is null
                    ? service.Resource.LocationOf("spec", "ports", i, "port")
                    : service.Resource.LocationOf("spec", "ports", i, "targetPort");
                yield return new RuleHit(
                    Descriptor,
                    service.Resource,
                    location,
                    [service.Name, service.Namespace, port.Port, target, string.Join(", ", missing), string.Join(", ", missing.SelectMany(ContainerPorts.Describe).Distinct())],
                    missing.Select(w => new Evidence(w.Resource.Ref, w.LocationOfPodField("containers"), $"declares ports {string.Join(", ", ContainerPorts.Describe(w))}")).ToList());
            }
        }
    }

    // containerPort is informational in Kubernetes: a pod that declares none gives no evidence either way (MESH107 covers it).
    private static bool DeclaresPorts(Workload workload) => ContainerPorts.All(workload).Any();
}
