using k8s.Models;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH101: a Service port's targetPort that no selected container declares.</summary>
internal sealed class TargetPortMismatch : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.TargetPortMismatch;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var service in model.Services)
        {
            var ports = service.Ports.Select(p => new TargetedPort(p.Port, ContainerPorts.TargetOf(p))).ToList();
            var workloads = service.Workloads.Select(w => new SelectedWorkload(w.ToString(), Declared(w))).ToList();
            foreach (var hit in TargetPortMismatchCheck.Check(service.Name, service.Namespace, ports, workloads))
            {
                var port = service.Ports[hit.PortIndex];
                var location = port.TargetPort is null
                    ? service.Resource.LocationOf("spec", "ports", hit.PortIndex, "port")
                    : service.Resource.LocationOf("spec", "ports", hit.PortIndex, "targetPort");
                yield return new RuleHit(
                    Descriptor,
                    service.Resource,
                    location,
                    hit.Verdict.Args,
                    hit.Missing.Select(i => Evidence(service.Workloads[i], workloads[i])).ToList(),
                    hit.Verdict.SeverityOverride);
            }
        }
    }

    private static DeclaredContainerPort[] Declared(Workload workload) =>
        ContainerPorts.All(workload).Select(p => new DeclaredContainerPort(p.Port.ContainerPort, p.Port.Name)).ToArray();

    private static Evidence Evidence(Workload workload, SelectedWorkload facts) =>
        new(workload.Resource.Ref, workload.LocationOfPodField("containers"), $"declares ports {string.Join(", ", facts.Ports)}");
}
