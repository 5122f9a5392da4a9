using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH202: an intention source or destination that names no service declared in the inputs.</summary>
internal sealed class IntentionNamesUnknownService : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.IntentionNamesUnknownService;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var known = model.ConsulServiceNames;
        // Offline, a folder of CRDs alone says nothing about which services exist: only judge when services are declared.
        if (model.Services.Count == 0 && model.Workloads.Count == 0)
        {
            yield break;
        }

        // A near-name search, not a scan of every service per unknown name: an intention set naming retired services
        // asks once per source, and the scan made 4,000 services take 10 s.
        var near = model.NearestServiceNames;
        foreach (var entry in model.Intentions.Entries)
        {
            var origin = (IntentionOrigin)entry.Origin!;
            if (IsUnknown(entry.DestinationName, known))
            {
                yield return Hit(origin, "destination", entry.DestinationName, origin.Resource.LocationOf("spec", "destination", "name"), near, context);
            }

            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                if (!IsRemote(source.Peer, source.SamenessGroup, source.Partition) && IsUnknown(source.Name, known))
                {
                    yield return Hit(origin, "source", source.Name, origin.Resource.LocationOf("spec", "sources", i, "name"), near, context);
                }
            }
        }
    }

    /// <summary>
    /// A near miss of a declared name is evidence of a typo. Without one, the verdict rests on the inputs holding every
    /// service, which a folder of one tutorial step or one layer of a repository does not.
    /// </summary>
    private RuleHit Hit(IntentionOrigin origin, string role, string name, Sources.SourceLocation location, NearestServiceNames known, RuleContext context)
    {
        var nearest = known.Of(name);
        var suggestion = nearest is null ? "" : $" Did you mean '{nearest}'?";
        return new RuleHit(Descriptor, origin.Resource, location,
            [origin.Resource.Name, role, name, suggestion, MeshModelBuilder.NamespaceOf(origin.Resource)], [],
            Assumption: nearest is not null ? null
                : $"no service {name} is declared among the inputs, so none was taken to exist; if it is deployed elsewhere (a Helm chart, another folder, another cluster), "
                    + $"name it with the {context.DescribeOption("KnownServices")}: {name}.");
    }

    /// <summary>A name this rule reports: not empty, not "*", and no declared service's. Test-MeshPath asks it too.</summary>
    internal static bool IsUnknown(string? name, IReadOnlySet<string> known) =>
        !string.IsNullOrEmpty(name) && name != ConsulNames.Wildcard && !known.Contains(name);

    /// <summary>Peers, partitions and sameness groups name services in other clusters: their sources are not judged.</summary>
    internal static bool IsRemote(string? peer, string? samenessGroup, string? partition) =>
        !string.IsNullOrEmpty(peer) || !string.IsNullOrEmpty(samenessGroup) || !string.IsNullOrEmpty(partition);
}
