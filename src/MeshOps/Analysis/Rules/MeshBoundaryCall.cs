using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH502: a call between a workload in the mesh and one outside it.</summary>
internal sealed class MeshBoundaryCall : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MeshBoundaryCall;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var reported = new HashSet<(Workload, KubernetesService)>();
        foreach (var edge in model.Edges)
        {
            if (edge.Target is not { Workloads.Count: > 0 } target || edge.Source.InMesh == target.InMesh
                || !reported.Add((edge.Source, target)))
            {
                continue;
            }

            var outside = edge.Source.InMesh
                ? $"{target.Name} (no pod selected by Service {target.Name} has a sidecar: {target.Workloads[0].InMeshOrigin})"
                : $"the caller {edge.Source.Name} ({edge.Source.InMeshOrigin})";
            // Inbound to a mesh pod is redirected to Envoy's public listener, which accepts only mTLS from the mesh.
            // Outbound from a mesh pod to a non-mesh one leaves through the passthrough cluster: no mTLS, no intentions.
            var consequence = edge.Source.InMesh
                ? model.Settings.MeshDestinationsOnly.Value
                    ? $"Mesh transparentProxy.meshDestinationsOnly is true ({model.Settings.MeshDestinationsOnly.Origin}), so Envoy refuses the call."
                    : "The call leaves the mesh through Envoy's passthrough: no mTLS and no intentions apply, and it fails once Mesh transparentProxy.meshDestinationsOnly is true."
                : "The destination's sidecar accepts only mTLS from mesh services, so the plaintext connection is reset ('connection reset by peer' / 'upstream connect error').";
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, target.Name, outside, edge.WrittenAt, consequence, edge.Source.Namespace], [],
                edge.Source.InMesh && !model.Settings.MeshDestinationsOnly.Value ? Severity.Warning : null);
        }
    }
}
