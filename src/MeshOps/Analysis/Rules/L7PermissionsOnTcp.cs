using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH204: HTTP permissions for a destination whose protocol is explicitly tcp (see <see cref="L7PermissionsOnTcpCheck"/>).</summary>
internal sealed class L7PermissionsOnTcp : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.L7PermissionsOnTcp;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName != ConsulNames.Wildcard))
        {
            var origin = (IntentionOrigin)entry.Origin!;
            var ns = MeshModelBuilder.NamespaceOf(origin.Resource);
            var protocol = model.Protocols.For(ns, entry.DestinationName);
            var inForce = new ProtocolInForce(protocol.Value, protocol.Resource is not null, protocol.ToString());
            var sources = entry.Sources.Select(s => (s.Name, s.IsL7)).ToList();
            foreach (var hit in L7PermissionsOnTcpCheck.Check(origin.Resource.Name, entry.DestinationName, ns, inForce, sources))
            {
                yield return new RuleHit(Descriptor, origin.Resource, origin.Resource.LocationOf("spec", "sources", hit.SourceIndex, "permissions"), hit.Verdict.Args,
                    [new Evidence(protocol.Resource!.Ref, protocol.Location ?? protocol.Resource.Location, $"protocol {protocol.Value}")]);
            }
        }
    }
}
