using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

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
        var origins = model.Intentions.Entries.Select(e => (IntentionOrigin)e.Origin!).ToList();
        var resources = model.Intentions.Entries
            .Select((entry, i) => new WrittenIntentions(
                origins[i].Resource.Name, MeshModelBuilder.NamespaceOf(origins[i].Resource), origins[i].Resource.Ref.ToString(), origins[i].Resource.Location.ToString(), entry))
            .ToList();
        var destinations = DuplicateIntentionCheck.DuplicateDestinations(resources).ToList();
        for (var i = 0; i < resources.Count; i++)
        {
            var origin = origins[i];
            foreach (var duplicate in DuplicateIntentionCheck.DuplicateSources(resources[i], index => origin.LocationOfSource(index).ToString()))
            {
                yield return new RuleHit(Descriptor, origin.Resource, origin.LocationOfSource(duplicate.SourceIndex), duplicate.Verdict.Args,
                    [new Evidence(origin.Resource.Ref, origin.LocationOfSource(duplicate.FirstIndex), "first definition")]);
            }

            if (destinations[i] is { } repeated)
            {
                var first = origins[repeated.First].Resource;
                yield return new RuleHit(Descriptor, origin.Resource, origin.Resource.LocationOf("spec", "destination", "name"), repeated.Verdict.Args,
                    [new Evidence(first.Ref, first.LocationOf("spec", "destination", "name"), "defines the same destination")]);
            }
        }
    }
}
