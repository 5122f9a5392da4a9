namespace MeshOps.Sources.Files;

/// <summary>What one load call has read so far, in reading order; becomes its <see cref="ManifestSet"/>.</summary>
internal sealed class LoadResults
{
    public List<ManifestResource> Resources { get; } = [];

    public List<LoadError> Errors { get; } = [];

    public List<LoadWarning> Warnings { get; } = [];

    public List<SkippedDocument> Skipped { get; } = [];

    public ManifestSet ToManifestSet() => new(Resources, Errors) { Warnings = Warnings, Skipped = Skipped };
}
