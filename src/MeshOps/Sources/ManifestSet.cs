namespace MeshOps.Sources;

/// <summary>
/// Everything read from the inputs: the objects, the files or documents that could not be read, what was read with a
/// warning, and the documents left out because they are not Kubernetes objects.
/// </summary>
public sealed record ManifestSet(IReadOnlyList<ManifestResource> Resources, IReadOnlyList<LoadError> Errors)
{
    public static readonly ManifestSet Empty = new([], []);

    /// <summary>Read, but maybe not as its author meant (a repeated key, an object written twice); never fails a gate.</summary>
    public IReadOnlyList<LoadWarning> Warnings { get; init; } = [];

    /// <summary>
    /// Earlier copies of an object that a later copy replaced (see <see cref="DuplicateObjects"/>), in input order: not
    /// analysed as objects, but kept for the checks whose fault is the replacement itself (an immutable field changed).
    /// </summary>
    public IReadOnlyList<ManifestResource> Superseded { get; init; } = [];

    /// <summary>Documents that are not Kubernetes objects (tool configs, other charts' values), with why each was left out.</summary>
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];

    /// <summary>
    /// One set of several, read from different inputs (files and piped text, say), so the rules that compare objects
    /// with each other see them all. Resources, errors, warnings and skipped documents keep the order of the sets, then
    /// their order within each.
    /// </summary>
    public static ManifestSet Merge(params IEnumerable<ManifestSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var list = sets.ToList();
        return list.Count == 1
            ? list[0]
            : new ManifestSet([.. list.SelectMany(s => s.Resources)], [.. list.SelectMany(s => s.Errors)])
            {
                Warnings = [.. list.SelectMany(s => s.Warnings)],
                Skipped = [.. list.SelectMany(s => s.Skipped)],
                Superseded = [.. list.SelectMany(s => s.Superseded)],
            };
    }
}
