using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH105: a call dials a port that the target Service does not expose.</summary>
internal sealed class CallPortNotExposed : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.CallPortNotExposed;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var edge in model.Edges)
        {
            // An explicit upstream's port is the local listener, not the Service port. A Consul DNS name's port is
            // no Service port either: a Consul virtual IP matches Envoy's outbound filter chain on any port (consul
            // agent/xds/listeners.go matches on addresses only), and a service lookup returns pod addresses.
            if (edge.Target is not { } target || edge.Port is not { } port || edge.ViaExplicitUpstream || edge.ViaConsulDns)
            {
                continue;
            }

            var call = new ServiceCall(
                edge.Source.Name, new MeshMembership(edge.Source.InMesh, edge.Source.InMeshOrigin),
                edge.Source.TransparentProxy, edge.Source.TransparentProxyOrigin,
                target.Name, edge.TargetNamespace, target.InMesh, port, edge.WrittenAt);
            var exposed = target.Ports.Select(p => p.Port).ToList();
            if (CallPortNotExposedCheck.Check(call, exposed) is not { } verdict)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location, verdict.Args,
                [new Evidence(target.Resource.Ref, target.Resource.LocationOf("spec", "ports"), $"exposes {string.Join(", ", exposed)}")],
                verdict.SeverityOverride);
        }
    }
}
