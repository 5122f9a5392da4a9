using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH103: the app binds to a loopback address on a port that a Service sends traffic to.</summary>
internal sealed class LoopbackBind : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.LoopbackBind;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            var membership = new MeshMembership(workload.InMesh, workload.InMeshOrigin);
            var selecting = model.ServicesSelecting(workload);
            var services = selecting
                .Select(s => new TargetingService(s.Name, s.Ports.Select(p => ContainerPorts.TargetNumber(workload, p)).OfType<int>().ToList()))
                .ToList();
            foreach (var (bind, site) in workload.Binds)
            {
                if (LoopbackBindCheck.Check(workload.Name, workload.Namespace, membership, new ListenAddress(bind.Host, bind.Port, bind.Excerpt), services) is not { } hit)
                {
                    continue;
                }

                var service = selecting[hit.ServiceIndex];
                yield return new RuleHit(Descriptor, site.WrittenIn, site.Location, hit.Verdict.Args,
                    [new Evidence(service.Resource.Ref, service.Resource.LocationOf("spec", "ports"), $"targets port {bind.Port}")],
                    hit.Verdict.SeverityOverride);
            }
        }
    }
}
