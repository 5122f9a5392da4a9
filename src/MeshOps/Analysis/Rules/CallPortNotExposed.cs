using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH105: a call dials a port that the target Service does not expose.</summary>
internal sealed class CallPortNotExposed : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.CallPortNotExposed;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var edge in model.Edges)
        {
            // An explicit upstream's port is the local listener, not the Service port.
            if (edge.Target is not { } target || edge.Port is not { } port || edge.ViaExplicitUpstream
                || target.Ports.Count == 0 || target.Ports.Any(p => p.Port == port))
            {
                continue;
            }

            var exposed = string.Join(", ", target.Ports.Select(p => p.Port));
            // Consul's outbound listener matches transparent-proxy upstreams by destination IP only and dials the
            // service's mesh port, so mesh callers still connect; everyone else hits kube-proxy, which has no rule.
            var meshToMesh = edge.Source.InMesh && edge.Source.TransparentProxy && target.InMesh;
            var consequence = meshToMesh
                ? $"Mesh callers still connect today (transparent proxy, {edge.Source.TransparentProxyOrigin}, matches the ClusterIP only), but probes, non-mesh callers and any caller without a sidecar get connection refused."
                : $"kube-proxy has no rule for that port: the caller gets connection refused or a timeout (assumed: {Assumed(edge)}).";
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, edge.TargetNamespace, target.Name, port, edge.WrittenAt, exposed, consequence],
                [new Evidence(target.Resource.Ref, target.Resource.LocationOf("spec", "ports"), $"exposes {exposed}")],
                meshToMesh ? Severity.Warning : null);
        }
    }

    private static string Assumed(CallEdge edge) =>
        !edge.Source.InMesh ? $"{edge.Source.Name} outside the mesh, {edge.Source.InMeshOrigin}"
        : !edge.Source.TransparentProxy ? $"transparent proxy off for {edge.Source.Name}, {edge.Source.TransparentProxyOrigin}"
        : $"{edge.Target!.Name} outside the mesh";
}
