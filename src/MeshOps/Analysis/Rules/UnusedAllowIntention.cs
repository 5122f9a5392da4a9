using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH205: an intention allows a call that the configuration never shows. Configuration sees only calls written in
/// env vars, ConfigMaps, args and upstream annotations; a call made from code (Next.js server-side rendering), by hand
/// (<c>kubectl exec static-client -- curl static-server</c>) or by a load generator is invisible. So the rule judges a
/// source only when its configuration is evidence of how it calls: every mesh workload of that Consul service names at
/// least one upstream explicitly, all of them resolve, and none is the destination. Even then it says only what is
/// known, at Info. A source that exists nowhere in the inputs is MESH202's, and is never judged here.
/// </summary>
internal sealed class UnusedAllowIntention : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.UnusedAllowIntention;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var callsBySource = model.Edges.ToLookup(e => e.Source);
        var judged = JudgedSources(model, callsBySource);
        var callersOf = model.Edges
            .Select(e => (Caller: e.Source.ConsulServiceName, Callee: CalleeOf(e)))
            .Distinct()
            .ToLookup(e => e.Callee, e => e.Caller);

        foreach (var entry in model.Intentions.Entries.Where(e => e.DestinationName != ConsulNames.Wildcard))
        {
            var origin = (IntentionOrigin)entry.Origin!;
            if (!model.ConsulServiceNames.Contains(entry.DestinationName) || !IsLocal(entry.DestinationNamespace, entry.DestinationPartition))
            {
                continue;
            }

            var callers = callersOf[entry.DestinationName].ToList();
            // Asked once per source: a hub allowing its hundreds of callers is not searched hundreds of times over.
            var calling = callers.ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < entry.Sources.Count; i++)
            {
                var source = entry.Sources[i];
                var allows = source.IsL7 || source.Action == IntentionAction.Allow;
                if (!allows || source.Name == ConsulNames.Wildcard || !IsLocal(source)
                    || !judged.TryGetValue(source.Name, out var workloads) || calling.Contains(source.Name))
                {
                    continue;
                }

                var calls = workloads.SelectMany(w => callsBySource[w]).ToList();
                var named = string.Join(", ", calls.Select(CalleeOf).Distinct().Order(StringComparer.Ordinal));
                var actual = callers.Count == 0
                    ? "nothing in the inputs calls it"
                    : $"its callers here are {string.Join(", ", callers.Order(StringComparer.Ordinal))}";
                yield return new RuleHit(Descriptor, origin.Resource, origin.LocationOfSource(i),
                    [origin.Resource.Name, source.Name, entry.DestinationName, named, actual, workloads[0].Namespace, $"{workloads[0].Kind.ToLowerInvariant()}/{workloads[0].Name}"],
                    calls.Select(c => new Evidence(c.WrittenIn.Ref, c.Location, $"{c.Source.Name} calls {CalleeOf(c)} ({c.WrittenAt})")).ToList());
            }
        }
    }

    /// <summary>
    /// The Consul services whose calls the configuration shows: every mesh workload of the name has at least one call
    /// and all of them resolve. A workload with no call at all (an interactive curl pod, an app whose calls are in
    /// code) says nothing about what it calls; one with a call MESH104 reports, or a ConfigMap MESH501 reports, may
    /// well make the call the intention is for, and that root cause is reported already.
    /// </summary>
    private static Dictionary<string, List<Workload>> JudgedSources(MeshModel model, ILookup<Workload, CallEdge> callsBySource) =>
        model.Workloads
            .Where(w => w.InMesh)
            .GroupBy(w => w.ConsulServiceName, StringComparer.Ordinal)
            .Where(g => g.All(w => callsBySource[w].Any() && callsBySource[w].All(e => Resolves(e, model)) && ReadsAllItsConfigMaps(w, model)))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    private static bool Resolves(CallEdge edge, MeshModel model) => edge.Target is not null || model.ConsulServiceNames.Contains(edge.TargetName);

    private static string CalleeOf(CallEdge edge) => edge.Target?.ConsulName ?? edge.TargetName;

    /// <summary>
    /// Consul CE has one namespace and partition; a source or destination in another one (Enterprise), in a peer or in a
    /// sameness group lives in a cluster or tenancy these inputs do not show, so its calls cannot be judged here.
    /// </summary>
    private static bool IsLocal(IntentionSource source) =>
        source.Peer is not { Length: > 0 } && source.SamenessGroup is not { Length: > 0 } && IsLocal(source.Namespace, source.Partition);

    private static bool IsLocal(string ns, string? partition) =>
        ns == ConsulNames.DefaultNamespace && ConsulNames.PartitionOrDefault(partition) == ConsulNames.DefaultPartition;

    private static bool ReadsAllItsConfigMaps(Workload workload, MeshModel model) =>
        ConfigMapReferences.Of(workload).All(r => r.Optional || model.ConfigMaps.ContainsKey(new ObjectKey(workload.Namespace, r.Name)));
}
