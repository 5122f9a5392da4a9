using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Intentions;
using IntentionAction = MeshOps.Rules.Intentions.IntentionAction;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// What in the inputs says a Consul service is called: a call edge to it, an allowing intention with it as destination,
/// an upstream annotation naming it (an edge too), an ingress gateway listener, or a router, splitter or resolver that
/// routes to it or is written for it. Gateway API routes are not modelled, so a service reached only through an
/// HTTPRoute counts as not called; the rules that use this say "in the inputs".
/// </summary>
internal static class InboundReferences
{
    /// <summary>For each Consul service name something calls, the first thing found that says so.</summary>
    public static IReadOnlyDictionary<string, string> Of(MeshModel model)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string? name, Func<string> why)
        {
            if (name is { Length: > 0 } && name != ConsulNames.Wildcard && !found.ContainsKey(name))
            {
                found[name] = why();
            }
        }

        foreach (var edge in model.Edges)
        {
            Add(edge.Target?.ConsulName ?? edge.TargetName, () => $"{edge.Source.Name} calls it in {edge.WrittenAt}");
        }

        foreach (var entry in model.Intentions.Entries)
        {
            if (entry.Sources.Any(s => s.IsL7 || s.Action == IntentionAction.Allow))
            {
                Add(entry.DestinationName, () => $"ServiceIntentions {((IntentionOrigin)entry.Origin!).Resource.Name} allows calls to it");
            }
        }

        foreach (var resource in model.ConfigEntries.Values.SelectMany(list => list))
        {
            foreach (var name in Targets(resource.Name, resource.Model))
            {
                Add(name, () => $"{resource.Kind} {resource.Name} routes to it");
            }
        }

        return found;
    }

    private static IEnumerable<string?> Targets(string name, object? entry) => entry switch
    {
        ServiceRouter router => [name, .. (router.Spec?.Routes ?? []).Select(r => r.Destination?.Service)],
        ServiceSplitter splitter => [name, .. (splitter.Spec?.Splits ?? []).Select(s => s.Service)],
        ServiceResolver resolver => [resolver.Spec?.Redirect?.Service, .. (resolver.Spec?.Failover?.Values ?? []).Select(f => f.Service)],
        IngressGateway gateway => (gateway.Spec?.Listeners ?? []).SelectMany(l => l.Services ?? []).Select(s => s.Name),
        _ => [],
    };
}
