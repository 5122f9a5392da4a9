namespace MeshOps.Authoring;

/// <summary>One file <see cref="ManifestExport"/> plans to write: its full path, the objects in it and their YAML.</summary>
public sealed record ManifestFile(string Path, IReadOnlyList<object> Objects, string Text);
