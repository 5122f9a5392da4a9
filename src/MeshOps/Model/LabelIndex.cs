namespace MeshOps.Model;

/// <summary>
/// Finds the workloads a label selector selects without comparing every Service with every workload:
/// workloads are indexed by (namespace, label, value), and a selector probes the index with one of its pairs.
/// </summary>
internal sealed class LabelIndex
{
    private readonly Dictionary<(string Namespace, string Key, string Value), List<Workload>> _byLabel = new();

    public LabelIndex(IEnumerable<Workload> workloads)
    {
        foreach (var workload in workloads)
        {
            foreach (var (key, value) in workload.PodLabels)
            {
                var slot = (workload.Namespace, key, value);
                if (!_byLabel.TryGetValue(slot, out var list))
                {
                    _byLabel[slot] = list = [];
                }

                list.Add(workload);
            }
        }
    }

    /// <summary>Workloads in <paramref name="ns"/> whose pod labels contain every pair of <paramref name="selector"/>.</summary>
    public IReadOnlyList<Workload> Select(string ns, IReadOnlyDictionary<string, string> selector)
    {
        if (selector.Count == 0)
        {
            return [];
        }

        List<Workload>? smallest = null;
        foreach (var (key, value) in selector)
        {
            if (!_byLabel.TryGetValue((ns, key, value), out var candidates))
            {
                return [];
            }

            if (smallest is null || candidates.Count < smallest.Count)
            {
                smallest = candidates;
            }
        }

        return smallest!.Where(w => Matches(w.PodLabels, selector)).ToList();
    }

    public static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> selector) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
