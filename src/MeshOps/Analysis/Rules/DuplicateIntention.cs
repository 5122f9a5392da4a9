using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH203: a source listed twice in one ServiceIntentions (the Consul server rejects the entry), or two
/// ServiceIntentions for one destination (the consul-k8s webhook rejects the second).
/// </summary>
internal sealed class DuplicateIntention : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.DuplicateIntention;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var firstByDestination = new Dictionary<string, IntentionOrigin>(StringComparer.Ordinal);
        foreach (var entry in model.Intentions.Entries)
        {
            var origin = (IntentionOrigin)entry.Origin!;
            var ns = MeshModelBuilder.NamespaceOf(origin.Resource);
            foreach (var duplicate in IntentionValidation.DuplicateSources(entry))
            {
                yield return new RuleHit(Descriptor, origin.Resource, origin.LocationOfSource(duplicate.SourceIndex),
                    [origin.Resource.Name, duplicate.Message, origin.LocationOfSource(duplicate.FirstIndex), ns],
                    [new Evidence(origin.Resource.Ref, origin.LocationOfSource(duplicate.FirstIndex), "first definition")]);
            }

            var key = ConsulNames.Qualified(entry.DestinationNamespace, entry.DestinationName);
            if (!firstByDestination.TryAdd(key, origin))
            {
                var first = firstByDestination[key];
                yield return new RuleHit(Descriptor, origin.Resource, origin.Resource.LocationOf("spec", "destination", "name"),
                    [origin.Resource.Name, $"another ServiceIntentions ({first.Resource.Ref}) already has spec.destination.name: {entry.DestinationName}", first.Resource.Location, ns],
                    [new Evidence(first.Resource.Ref, first.Resource.LocationOf("spec", "destination", "name"), "defines the same destination")]);
            }
        }
    }
}
