using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Rules.Text;

namespace MeshOps.Paths;

/// <summary>
/// Lookups built once over a model and its findings, so tracing every edge of a mesh (Test-MeshPath -All) costs each
/// trace what its own ends, calls and findings cost instead of a scan of every call, workload and finding. Each lookup
/// hands back what the scan it replaces would have found, in the same order. Not safe for concurrent use: it remembers
/// the ends it resolved.
/// </summary>
internal sealed class PathIndex
{
    private readonly MeshModel _model;
    // A source's calls as a list to hand out as is, and their positions in the model to merge several sources in order.
    private readonly Dictionary<Workload, List<int>> _edgesBySource = [];
    private readonly Dictionary<Workload, List<CallEdge>> _callsBySource = [];
    private readonly Dictionary<(string Namespace, string Name), List<Workload>> _registered = [];
    private readonly Dictionary<(string Namespace, string Name), Workload> _workloadsByName = [];
    private readonly Dictionary<(string Written, string? Namespace), PathEnd> _ends = [];
    private readonly Dictionary<PathEnd, HashSet<EndRef>> _refs = new(ReferenceEqualityComparer.Instance);
    private NearNames? _names;

    public PathIndex(MeshModel model, AnalysisReport report)
    {
        _model = model;
        Findings = new PathFindingIndex(model, report);
        for (var i = 0; i < model.Edges.Count; i++)
        {
            Add(_edgesBySource, model.Edges[i].Source, i);
            Add(_callsBySource, model.Edges[i].Source, model.Edges[i]);
        }

        foreach (var workload in model.Workloads)
        {
            if (workload.InMesh)
            {
                Add(_registered, (workload.Namespace, workload.ConsulServiceName), workload);
            }

            _workloadsByName.TryAdd((workload.Namespace, workload.Name), workload);
        }
    }

    public PathFindingIndex Findings { get; }

    /// <summary>The names ends may be written as, built on the first end that resolves to nothing (-All on a broken mesh has many).</summary>
    public NearNames Names => _names ??= PathEndResolver.NamesOf(_model);

    /// <summary>The end <paramref name="written"/> names, resolved once per name and default namespace.</summary>
    public PathEnd End(string written, string? defaultNamespace)
    {
        if (!_ends.TryGetValue((written, defaultNamespace), out var end))
        {
            end = PathEndResolver.Resolve(_model, written, defaultNamespace, this);
            _ends[(written, defaultNamespace)] = end;
        }

        return end;
    }

    /// <summary>The objects <paramref name="end"/> is made of (<see cref="PathFindings.EndRefs"/>), once per end: many paths share one.</summary>
    public IReadOnlySet<EndRef> RefsOf(PathEnd end)
    {
        if (!_refs.TryGetValue(end, out var refs))
        {
            refs = PathFindings.EndRefs(end);
            _refs[end] = refs;
        }

        return refs;
    }

    /// <summary>The model's calls made by any of <paramref name="sources"/>, in model order.</summary>
    public IReadOnlyList<CallEdge> EdgesFrom(IReadOnlyList<Workload> sources)
    {
        // One workload per end is the rule: its calls are kept as a list, already in model order, and handed out as is.
        if (sources.Count == 1)
        {
            return _callsBySource.TryGetValue(sources[0], out var calls) ? calls : [];
        }

        var indices = sources.Distinct().SelectMany(w => _edgesBySource.TryGetValue(w, out var list) ? list : []).Order();
        return [.. indices.Select(i => _model.Edges[i])];
    }

    /// <summary>The mesh workloads of the namespace that register as Consul service <paramref name="name"/>, in model order.</summary>
    public IReadOnlyList<Workload> RegisteredAs(string ns, string name) => _registered.TryGetValue((ns, name), out var list) ? list : [];

    /// <summary>The first workload of the namespace with this name, as a scan in model order finds it.</summary>
    public Workload? WorkloadNamed(string ns, string name) => _workloadsByName.GetValueOrDefault((ns, name));

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> lists, TKey key, TValue value)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var list))
        {
            lists[key] = list = [];
        }

        list.Add(value);
    }
}
