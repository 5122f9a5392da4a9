namespace MeshOps.Model;

/// <summary>
/// Finds the pod templates a label selector selects without comparing every Service with every workload:
/// templates are indexed by (namespace, label, value), and a selector probes the index with one of its pairs.
/// </summary>
internal sealed class LabelIndex
{
    private readonly IReadOnlyList<PodTemplate> _templates;
    private readonly Dictionary<(string Namespace, string Key, string Value), List<int>> _byLabel = new();

    public LabelIndex(IReadOnlyList<PodTemplate> templates)
    {
        _templates = templates;
        for (var t = 0; t < templates.Count; t++)
        {
            foreach (var (key, value) in templates[t].Labels)
            {
                var slot = (templates[t].Namespace, key, value);
                if (!_byLabel.TryGetValue(slot, out var list))
                {
                    _byLabel[slot] = list = [];
                }

                list.Add(t);
            }
        }
    }

    /// <summary>Indexes of the templates in <paramref name="ns"/> whose labels contain every pair of <paramref name="selector"/>, in input order.</summary>
    public IReadOnlyList<int> Select(string ns, IReadOnlyDictionary<string, string> selector)
    {
        if (selector.Count == 0)
        {
            return [];
        }

        List<int>? smallest = null;
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

        return smallest!.Where(t => Matches(_templates[t].Labels, selector)).ToList();
    }

    public static bool Matches(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> selector) =>
        selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
