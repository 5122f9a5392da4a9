namespace MeshOps.Sources.Files;

/// <summary>
/// Reads manifests (.yaml, .yml, .json; folders recursively; multi-document YAML; <c>kind: List</c>)
/// into typed objects that remember where they were written.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Loads files and folders. Errors are collected per file; the other files are still read.</summary>
    public static ManifestSet LoadPaths(IEnumerable<string> paths, LoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= LoaderOptions.Default;
        var reader = new ManifestReader(options);
        var files = FileEnumerator.Expand(paths, reader.Errors).ToList();
        var patches = KustomizePatches.In(files, options);
        var templates = new HelmChartTemplates();
        foreach (var file in files)
        {
            if ((patches.TryGetValue(Path.GetFullPath(file), out var why) ? why : templates.WhyNotAManifest(file)) is { } reason)
                reader.Skip(file, reason);
            else
                reader.ReadFile(file);
        }
        return reader.ToManifestSet();
    }

    /// <summary>Loads YAML or JSON text, such as <c>kubectl get -o yaml</c> output on standard input.</summary>
    public static ManifestSet LoadText(string text, string sourceName, LoaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var reader = new ManifestReader(options ?? LoaderOptions.Default);
        reader.ReadText(text, sourceName);
        return reader.ToManifestSet();
    }
}
