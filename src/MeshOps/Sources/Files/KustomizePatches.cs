using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Files that a kustomization among the inputs names as patches (patchesStrategicMerge, patches, patchesJson6902).
/// A patch holds only the fields it changes (a Deployment with one container's image, say), so read as an object it
/// would replace its base's whole object and invent faults; <c>kubectl apply -k</c> merges it into the base instead.
/// They are left out with the reason, and the base is analysed as written, before the patch.
/// </summary>
internal static class KustomizePatches
{
    private static readonly HashSet<string> KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <summary>Full path of each patch file, with why it is left out.</summary>
    public static Dictionary<string, string> In(IReadOnlyList<string> files, LoaderOptions options)
    {
        var patches = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kustomization in files.Where(f => KustomizationNames.Contains(Path.GetFileName(f))))
        {
            if (Root(kustomization, options) is not { } root)
            {
                continue;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(kustomization)) ?? "";
            foreach (var (path, line) in PatchPaths(root))
            {
                patches.TryAdd(Path.GetFullPath(Path.Combine(folder, path)),
                    $"a kustomize patch ({Path.GetFileName(kustomization)}:{line} lists it), not a whole object: 'kubectl apply -k' merges it into its base, which is analysed as written");
            }
        }

        return patches;
    }

    private static IEnumerable<(string Path, int Line)> PatchPaths(ParsedMapping root)
    {
        if (root.Get("patchesStrategicMerge") is ParsedSequence strategic)
        {
            // An entry is a path, or an inline patch (YAML text, which holds a newline).
            foreach (var item in strategic.Items.OfType<ParsedScalar>().Where(s => !s.Value.Contains('\n', StringComparison.Ordinal)))
            {
                yield return (item.Value, item.Line);
            }
        }

        foreach (var key in new[] { "patches", "patchesJson6902" })
        {
            if (root.Get(key) is not ParsedSequence list)
            {
                continue;
            }

            foreach (var item in list.Items)
            {
                if (item is ParsedMapping entry && entry.Get("path") is ParsedScalar { Type: not ScalarType.Null } path)
                {
                    yield return (path.Value, path.Line);
                }
                else if (item is ParsedScalar { Type: not ScalarType.Null } bare && !bare.Value.Contains('\n', StringComparison.Ordinal))
                {
                    yield return (bare.Value, bare.Line);
                }
            }
        }
    }

    // An unreadable kustomization is reported when the loader reads it as a file like any other; here it lists nothing.
    private static ParsedMapping? Root(string file, LoaderOptions options)
    {
        if (!BoundedFileReader.TryRead(file, options.MaxFileBytes, out var bytes, out _)
            || !SourceTextDecoder.TryDecode(bytes, file, out var text, out _))
        {
            return null;
        }

        var reader = new YamlDocumentReader(YamlLimits.MaxDepth, options.MaxNodesPerDocument);
        return reader.Read(text).FirstOrDefault()?.Root as ParsedMapping;
    }
}
