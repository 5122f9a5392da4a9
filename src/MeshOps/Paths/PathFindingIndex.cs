using MeshOps.Analysis;
using MeshOps.Collections;
using MeshOps.Model;
using MeshOps.Sources;

namespace MeshOps.Paths;

/// <summary>
/// The findings of a report by what makes them concern a path (<see cref="PathFindings"/>): the call site they are
/// written at, the objects they name, the destination of the ServiceIntentions they are about. A path then reads only
/// the findings that can concern it, not every finding of the mesh.
/// </summary>
internal sealed class PathFindingIndex
{
    private readonly Dictionary<SourceLocation, List<int>> _atCallSite = [];
    private readonly Dictionary<EndRef, List<int>> _naming = [];
    private readonly Dictionary<string, List<int>> _intentionsInto = [];

    // Findings about an intention source that concern one caller only (PathFindings.CallersOf), by destination and
    // caller: a deny-all naming 500 retired services made every path of the mesh weigh all 500.
    private readonly Dictionary<(string Destination, string Caller), List<int>> _intentionsIntoFrom = [];
    private readonly IReadOnlyList<EndRef>[] _named;
    private readonly string?[] _intentionDestination;
    private readonly IReadOnlyList<string>?[] _callers;

    public PathFindingIndex(MeshModel model, AnalysisReport report)
    {
        _named = new IReadOnlyList<EndRef>[report.Findings.Count];
        _intentionDestination = new string?[report.Findings.Count];
        _callers = new IReadOnlyList<string>?[report.Findings.Count];
        var copies = new Lazy<ILookup<string, ManifestResource>>(() => PathFindings.IntentionCopies(model));
        for (var i = 0; i < report.Findings.Count; i++)
        {
            var finding = report.Findings[i];
            if (!RuleHops.ById.TryGetValue(finding.RuleId, out var rule))
            {
                continue;
            }

            if (rule.Scope == RuleScope.Call)
            {
                _atCallSite.Append(finding.Location, i);
                continue;
            }

            _named[i] = [.. PathFindings.Named(finding).Distinct()];
            foreach (var reference in _named[i])
            {
                _naming.Append(reference, i);
            }

            if (PathFindings.IntentionDestinationOf(copies.Value, finding) is { } destination)
            {
                _intentionDestination[i] = destination;
                _callers[i] = PathFindings.CallersOf(copies.Value, finding, model.ConsulServiceNames, model.NearestServiceNames);
                if (_callers[i] is { } callers)
                {
                    foreach (var caller in callers)
                    {
                        _intentionsIntoFrom.Append((destination, caller), i);
                    }
                }
                else
                {
                    _intentionsInto.Append(destination, i);
                }
            }
        }
    }

    /// <summary>
    /// The positions in the report of the findings that may concern a path with these call sites and end objects, in
    /// report order: a superset of those <see cref="PathFindings.Select"/> keeps, which it then judges one by one.
    /// </summary>
    public IEnumerable<int> About(IReadOnlyList<SourceLocation> callSites, IReadOnlySet<EndRef> sourceRefs, IReadOnlySet<EndRef> destinationRefs, PathEnd source, PathEnd destination)
    {
        // Most paths of a healthy mesh have no finding at all: nothing is allocated for them.
        SortedSet<int>? found = null;
        for (var i = 0; i < callSites.Count; i++)
        {
            Take(_atCallSite, callSites[i], ref found);
        }

        foreach (var reference in sourceRefs)
        {
            Take(_naming, reference, ref found);
        }

        foreach (var reference in destinationRefs)
        {
            Take(_naming, reference, ref found);
        }

        if (destination.Resolved)
        {
            Take(_intentionsInto, destination.ConsulName, ref found);
            Take(_intentionsInto, "*", ref found);
            foreach (var caller in PathFindings.CallerNames(source).Distinct())
            {
                Take(_intentionsIntoFrom, (destination.ConsulName, caller), ref found);
                Take(_intentionsIntoFrom, ("*", caller), ref found);
            }
        }

        return found ?? (IEnumerable<int>)[];
    }

    private static void Take<TKey>(Dictionary<TKey, List<int>> lists, TKey key, ref SortedSet<int>? found)
        where TKey : notnull
    {
        if (lists.TryGetValue(key, out var positions))
        {
            (found ??= []).UnionWith(positions);
        }
    }

    /// <summary>The objects the finding at this position names (subject first, then its evidence).</summary>
    public IReadOnlyList<EndRef> Named(int position) => _named[position];

    /// <summary>The destination of the ServiceIntentions copy the finding at this position points into, if it is on one.</summary>
    public string? IntentionDestination(int position) => _intentionDestination[position];

    /// <summary>The only callers the finding at this position concerns (<see cref="PathFindings.CallersOf"/>), or null.</summary>
    public IReadOnlyList<string>? Callers(int position) => _callers[position];
}
