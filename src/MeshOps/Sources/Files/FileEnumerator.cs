namespace MeshOps.Sources.Files;

/// <summary>
/// Expands the paths a user gave into manifest files. Folders are searched recursively for .yaml, .yml
/// and .json; hidden folders (.git) and symbolic links to folders (which can loop) are not entered.
/// </summary>
internal static class FileEnumerator
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Files in ordinal order of their full paths, each once, so runs are reproducible.</summary>
    public static List<string> Expand(IEnumerable<string> paths, List<LoadError> errors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
                errors.Add(new LoadError(LoadErrorIds.PathNotFound, SourceLocation.Unknown, "An empty path was given."));
            else if (File.Exists(path))
                files.Add(path); // named explicitly, so read whatever its extension
            else if (Directory.Exists(path))
                AddFolder(path, files, errors);
            else
                errors.Add(new LoadError(LoadErrorIds.PathNotFound, new SourceLocation(path, 0, 0), $"The path '{path}' does not exist."));
        }

        var ordered = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
            ordered.TryAdd(Path.GetFullPath(file), file);
        return [.. ordered.Values];
    }

    private static void AddFolder(string root, List<string> files, List<LoadError> errors)
    {
        var found = 0;
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
                {
                    if (!IsManifestFile(file.Name))
                        continue;
                    found++;
                    if (MayHoldDocuments(file))
                        files.Add(Path.Combine(folder, file.Name));
                }
                foreach (var child in Directory.EnumerateDirectories(folder))
                {
                    if (!Path.GetFileName(child).StartsWith('.') && new DirectoryInfo(child).LinkTarget is null)
                        pending.Push(child);
                }
            }
            catch (Exception error) when (error is UnauthorizedAccessException or IOException)
            {
                errors.Add(new LoadError(LoadErrorIds.UnreadableFile, new SourceLocation(folder, 0, 0), $"The folder cannot be read: {error.Message}"));
            }
        }
        if (found == 0)
            errors.Add(new LoadError(LoadErrorIds.NoManifestFiles, new SourceLocation(root, 0, 0), $"There are no .yaml, .yml or .json files under '{root}'."));
    }

    /// <summary>
    /// Empty files hold no documents, and a pipe or device in a folder (which reports no length) could block
    /// a read forever. A file whose length cannot be read is kept so that reading it reports why.
    /// </summary>
    private static bool MayHoldDocuments(FileInfo file)
    {
        try
        {
            return file.Length > 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static bool IsManifestFile(string file)
    {
        var extension = Path.GetExtension(file.AsSpan());
        foreach (var candidate in ManifestExtensions)
        {
            if (extension.Equals(candidate, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
