namespace MeshOps.Sources;

/// <summary>Everything read from the inputs: the objects, and the files or documents that could not be read.</summary>
public sealed record ManifestSet(IReadOnlyList<ManifestResource> Resources, IReadOnlyList<LoadError> Errors)
{
    public static readonly ManifestSet Empty = new([], []);

    /// <summary>
    /// One set of several, read from different inputs (files and piped text, say), so the rules that compare objects
    /// with each other see them all. Resources and errors keep the order of the sets, then their order within each.
    /// </summary>
    public static ManifestSet Merge(params IEnumerable<ManifestSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var list = sets.ToList();
        return list.Count == 1
            ? list[0]
            : new ManifestSet([.. list.SelectMany(s => s.Resources)], [.. list.SelectMany(s => s.Errors)]);
    }
}
