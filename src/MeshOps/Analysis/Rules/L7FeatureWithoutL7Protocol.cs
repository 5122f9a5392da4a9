using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH302: L7 intentions, a ServiceRouter or a ServiceSplitter for a service that has no protocol set at all,
/// so Consul's default tcp applies.
/// </summary>
internal sealed class L7FeatureWithoutL7Protocol : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.L7FeatureWithoutL7Protocol;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var (resource, service, what, location) in L7Needs(model))
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            var protocol = model.Protocols.For(ns, service);
            // An explicitly set non-L7 protocol is MESH204's (intentions) or MESH303's (routing) finding.
            if (protocol.IsL7 || protocol.Resource is not null)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, resource, location, [service, what, protocol.ToString(), ns], [],
                Assumption: SetsProtocols(model) ? null
                    : $"the inputs hold no ServiceDefaults and no ProxyDefaults protocol, so protocols may be set elsewhere (another folder, consul config write); "
                        + $"this finding takes {service} to have none.");
        }
    }

    // Inputs that set the protocol of other services are where protocols are kept; one missing there is a fault.
    private static bool SetsProtocols(MeshModel model) =>
        model.ConfigEntriesOf("ServiceDefaults").Count > 0 || model.ConfigEntriesOf("ProxyDefaults").Count > 0;

    private static IEnumerable<(ManifestResource Resource, string Service, string What, SourceLocation Location)> L7Needs(MeshModel model)
    {
        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName != ConsulNames.Wildcard))
        {
            var origin = (IntentionOrigin)entry.Origin!;
            var index = entry.Sources.ToList().FindIndex(s => s.IsL7);
            if (index >= 0)
            {
                yield return (origin.Resource, entry.DestinationName, $"L7 permissions for source '{entry.Sources[index].Name}' in ServiceIntentions {origin.Resource.Name}",
                    origin.Resource.LocationOf("spec", "sources", index, "permissions"));
            }
        }

        foreach (var kind in new[] { "ServiceRouter", "ServiceSplitter" })
        {
            foreach (var resource in model.ConfigEntriesOf(kind))
            {
                yield return (resource, resource.Name, $"{kind} {resource.Name}", resource.Location);
            }
        }
    }
}
