using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH204: HTTP permissions for a destination whose protocol is explicitly tcp. Consul's xDS generation treats
/// such intentions as deny (agent/xds/rbac.go: "In case L7 intentions slip through to here, treat them as deny").
/// A destination with no protocol set at all is MESH302's finding.
/// </summary>
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
            if (protocol.IsL7 || protocol.Resource is null)
            {
                continue;
            }

            for (var i = 0; i < entry.Sources.Count; i++)
            {
                if (entry.Sources[i].IsL7)
                {
                    yield return new RuleHit(Descriptor, origin.Resource, origin.Resource.LocationOf("spec", "sources", i, "permissions"),
                        [origin.Resource.Name, entry.DestinationName, entry.Sources[i].Name, protocol.ToString(), ns],
                        [new Evidence(protocol.Resource.Ref, protocol.Location ?? protocol.Resource.Location, $"protocol {protocol.Value}")]);
                }
            }
        }
    }
}
