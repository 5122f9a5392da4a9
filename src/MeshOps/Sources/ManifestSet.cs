namespace MeshOps.Sources;

/// <summary>Everything read from the inputs: the objects, and the files or documents that could not be read.</summary>
public sealed record ManifestSet(IReadOnlyList<ManifestResource> Resources, IReadOnlyList<LoadError> Errors)
{
    public static readonly ManifestSet Empty = new([], []);
}
