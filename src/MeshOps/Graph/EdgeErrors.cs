using MeshOps.Analysis;
using MeshOps.Collections;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Graph;

/// <summary>
/// The error findings that break a graph edge: those written at one of its call sites (same file and line) and those on
/// its target Service. Looked up by site and by Service: a broken mesh has an error on most of its edges, and searching
/// every error for each edge made drawing a 4,000-service mesh with a deny on every call take 3.6 s instead of 0.1 s.
/// </summary>
internal sealed class EdgeErrors
{
    private readonly Dictionary<(string File, int Line), List<string>> _atSite = [];
    private readonly Dictionary<(string? Namespace, string Name), List<string>> _onService = [];

    public EdgeErrors(IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Severity != Severity.Error)
            {
                continue;
            }

            _atSite.Append((finding.Location.File, finding.Location.Line), finding.RuleId);
            if (finding.Resource.Kind == "Service")
            {
                _onService.Append((finding.Resource.Namespace, finding.Resource.Name), finding.RuleId);
            }
        }
    }

    /// <summary>The rule IDs of the errors that break an edge of these calls to <paramref name="target"/>, each once, in ordinal order.</summary>
    public IReadOnlyList<string> Breaking(IEnumerable<CallEdge> calls, KubernetesService? target)
    {
        SortedSet<string>? rules = null;
        foreach (var call in calls)
        {
            // Findings carry the location as output writes it (control characters escaped), so the site is asked the same way.
            Take(_atSite, (call.Location.ForOutput().File, call.Location.Line), ref rules);
        }

        if (target is not null)
        {
            Take(_onService, (target.Namespace, target.Name), ref rules);
        }

        return rules is null ? [] : [.. rules];
    }


    private static void Take<TKey>(Dictionary<TKey, List<string>> lists, TKey key, ref SortedSet<string>? rules)
        where TKey : notnull
    {
        if (lists.TryGetValue(key, out var list))
        {
            (rules ??= new SortedSet<string>(StringComparer.Ordinal)).UnionWith(list);
        }
    }
}
