using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH205: an intention allows a call that no workload in the inputs makes. Judged only where the source is a
/// workload here whose calls are all known, and the destination exists (else MESH202 speaks).
/// </summary>
internal sealed class UnusedAllowIntention : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.UnusedAllowIntention;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var withUnknownCalls = model.Edges
            .Where(e => e.Target is null && !model.ConsulServiceNames.Contains(e.TargetName))
            .Select(e => e.Source)
            .ToHashSet();
        var sources = model.Workloads
            .Where(w => w.InMesh && !withUnknownCalls.Contains(w) && ReadsAllItsConfigMaps(w, model))
            .Select(w => w.ConsulServiceName)
            .ToHashSet(StringComparer.Ordinal);
        var callersOf = model.Edges
            .Select(e => (Caller: e.Source.ConsulServiceName, Callee: e.Target?.ConsulName ?? e.TargetName))
            .Distinct()
            .ToLookup(e => e.Callee, e => e.Caller);

        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName != ConsulNames.Wildcard))
        {
            var origin = (IntentionOrigin)entry.Origin!;
            if (!model.ConsulServiceNames.Contains(entry.DestinationName))
            {
                continue;
            }

            var callers = callersOf[entry.DestinationName].ToList();
            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                var allows = source.IsL7 || source.Action == IntentionAction.Allow;
                if (!allows || source.Name == ConsulNames.Wildcard || !sources.Contains(source.Name) || callers.Contains(source.Name))
                {
                    continue;
                }

                var actual = callers.Count == 0 ? "nothing calls it" : $"it is called by {string.Join(", ", callers.Order(StringComparer.Ordinal))}";
                yield return new RuleHit(Descriptor, origin.Resource, origin.LocationOfSource(i),
                    [origin.Resource.Name, source.Name, entry.DestinationName, actual], []);
            }
        }
    }

    /// <summary>
    /// A workload with a call MESH104 reports, or a ConfigMap MESH501 reports, may well make the call the intention
    /// is for: its calls are not fully known, and that root cause is reported already.
    /// </summary>
    private static bool ReadsAllItsConfigMaps(Workload workload, MeshModel model) =>
        ConfigMapReferences.Of(workload).All(r => r.Optional || model.ConfigMaps.ContainsKey(new ObjectKey(workload.Namespace, r.Name)));
}
