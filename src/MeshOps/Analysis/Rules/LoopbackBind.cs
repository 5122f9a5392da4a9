using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH103: the app binds to a loopback address on a port that a Service sends traffic to.</summary>
internal sealed class LoopbackBind : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.LoopbackBind;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            foreach (var (bind, site) in workload.Binds.Where(b => b.Bind.IsLoopback))
            {
                if (TargetingService(workload, bind.Port) is not { } service)
                {
                    continue;
                }

                // consul-k8s points the sidecar's local_app cluster at 127.0.0.1:<port>, so mesh callers are still
                // served; kubelet probes and anything without the sidecar dial the pod IP and are refused.
                var consequence = workload.InMesh
                    ? $"Mesh callers still connect, because the sidecar forwards to 127.0.0.1 (in the mesh: {workload.InMeshOrigin}), but kubelet probes, non-mesh callers and the pod without its sidecar get connection refused."
                    : $"The pod is not in the mesh ({workload.InMeshOrigin}), so every caller dials the pod IP and gets connection refused.";
                yield return new RuleHit(Descriptor, site.WrittenIn, site.Location,
                    [workload.Name, workload.Namespace, bind.Excerpt, bind.Port, service.Name, consequence],
                    [new Evidence(service.Resource.Ref, service.Resource.LocationOf("spec", "ports"), $"targets port {bind.Port}")],
                    workload.InMesh ? null : Severity.Error);
            }
        }
    }

    /// <summary>A Service selecting the workload whose targetPort resolves to <paramref name="port"/>.</summary>
    private static KubernetesService? TargetingService(Workload workload, int port) =>
        workload.Services.FirstOrDefault(service => service.Ports.Any(p => ContainerPorts.TargetNumber(workload, p) == port));
}
