using MeshOps.Discovery;

namespace MeshOps.Benchmarks;

/// <summary>
/// The floor under call discovery's time: allocating the objects a scan returns and nothing else. Prepared from one
/// scan's result outside the timing, it then allocates, endpoint by endpoint, a string of the same length for every
/// string the scan allocated (each once, shared as the scan shares it: one excerpt serves every host of a MongoDB URL)
/// and the record, into a list of the scan's size, so the garbage collector meets the same number and sizes of objects,
/// made in the same order and kept alive the same way. Binds are left out (the nginx shape has one).
/// </summary>
/// <remarks>
/// No scanner can return its result for less. Under pwsh's background GC this floor alone is about two thirds of the
/// scan's time at 200,000 lines and grows 1.5 to 2.8 per doubling from one run to the next, so a scan's growth is read
/// beside it (issue 10). The plan is kept as arrays of numbers, not as the result: a result of every size held for the
/// whole benchmark would be a live heap of ~90 MB that every measured run's collections would have to mark.
/// </remarks>
internal sealed class ResultAllocation
{
    private const int None = -1;

    // The length of each distinct string the scan allocated; an endpoint names them by index.
    private readonly int[] lengths;

    // For a string more than one endpoint holds, its place among those kept while allocating; -1 for the rest, which
    // are made where they are used: a table of every string would be an array of references the scan does not have.
    private readonly int[] shared;
    private readonly int sharedCount;

    // Per endpoint: the index of its host, excerpt, key, path and method in lengths (None: no value, or a literal of
    // the grammar such as a scheme, which the scan does not allocate either), and the values that are not strings.
    private readonly int[][] strings;
    private readonly int[] ports;
    private readonly int[] schemes;
    private readonly EndpointOrigin[] origins;
    private readonly string?[] literals;

    private ResultAllocation(int[] lengths, int[][] strings, int[] ports, int[] schemes, EndpointOrigin[] origins, string?[] literals)
    {
        this.lengths = lengths;
        var uses = new int[lengths.Length];
        foreach (var field in strings)
        {
            foreach (var id in field.Where(id => id >= 0))
            {
                uses[id]++;
            }
        }

        var count = 0;
        shared = uses.Select(used => used > 1 ? count++ : -1).ToArray();
        sharedCount = count;
        this.strings = strings;
        this.ports = ports;
        this.schemes = schemes;
        this.origins = origins;
        this.literals = literals;
    }

    public int Count => ports.Length;

    public static ResultAllocation Of(DiscoveryResult result)
    {
        var ids = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        var lengths = new List<int>();
        int Id(string? text)
        {
            if (text is null)
            {
                return None;
            }

            // Asked once per string: interning hashes the whole text, and one excerpt may be a 3 MB URL of 200,000 hosts.
            if (!ids.TryGetValue(text, out var id))
            {
                id = ReferenceEquals(string.IsInterned(text), text) ? None : lengths.Count;
                ids[text] = id;
                if (id != None)
                {
                    lengths.Add(text.Length);
                }
            }

            return id;
        }

        var endpoints = result.Endpoints;
        var literals = new List<string?> { null };
        var strings = Enumerable.Range(0, 5).Select(_ => new int[endpoints.Count]).ToArray();
        var ports = new int[endpoints.Count];
        var schemes = new int[endpoints.Count];
        var origins = new EndpointOrigin[endpoints.Count];
        for (var i = 0; i < endpoints.Count; i++)
        {
            var e = endpoints[i];
            string?[] values = [e.Host, e.Excerpt, e.Key, e.Path, e.Method];
            for (var field = 0; field < values.Length; field++)
            {
                strings[field][i] = Id(values[field]);
            }

            ports[i] = e.Port ?? None;
            origins[i] = e.Origin;
            schemes[i] = literals.IndexOf(e.Scheme);
            if (schemes[i] < 0)
            {
                schemes[i] = literals.Count;
                literals.Add(e.Scheme);
            }
        }

        return new ResultAllocation(lengths.ToArray(), strings, ports, schemes, origins, literals.ToArray());
    }

    public DiscoveryResult Allocate()
    {
        var kept = new string?[sharedCount];
        string? Pick(int field, int endpoint)
        {
            var id = strings[field][endpoint];
            return id < 0 ? null
                : shared[id] < 0 ? new string('x', lengths[id])
                : kept[shared[id]] ??= new string('x', lengths[id]);
        }

        var list = new List<DiscoveredEndpoint>(Count);
        for (var i = 0; i < Count; i++)
        {
            list.Add(new DiscoveredEndpoint(Pick(0, i) ?? "", ports[i] == None ? null : ports[i], literals[schemes[i]], origins[i], Pick(1, i) ?? "")
            {
                Key = Pick(2, i), Path = Pick(3, i), Method = Pick(4, i),
            });
        }

        return new DiscoveryResult(list, []);
    }
}
