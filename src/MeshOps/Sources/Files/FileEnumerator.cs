namespace MeshOps.Sources.Files;

/// <summary>
/// Expands the paths a user gave into manifest files. Folders are searched recursively for .yaml, .yml
/// and .json; hidden folders (.git) and symbolic links to folders (which can loop) are not entered. Only regular files
/// are kept: a named pipe, socket or device, named or found, is an error naming it, since reading one can block forever.
/// </summary>
internal static class FileEnumerator
{
    private static readonly string[] ManifestExtensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Files in the order kubectl applies them: each path in turn, a folder as Go's <c>filepath.Walk</c> visits it (the
    /// entries of each folder in lexical order, files and subfolders interleaved, a subfolder's files where its name
    /// sorts). A file reached twice (named twice, or through a link to it or to a folder above it) is read once, at its
    /// last place, since the last apply is the one that counts; files are told apart by their real paths.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> paths, List<LoadError> errors)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
                errors.Add(new LoadError(LoadErrorIds.PathNotFound, SourceLocation.Unknown, "An empty path was given."));
            else if (File.Exists(path))
                AddNamedFile(path, files, errors);
            else if (Directory.Exists(path))
                AddFolder(path, files, errors);
            else
                errors.Add(new LoadError(LoadErrorIds.PathNotFound, new SourceLocation(path, 0, 0), $"The path '{path}' does not exist."));
        }

        var realPaths = new RealPaths();
        var lastPlace = new Dictionary<string, int>(files.Count, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
            lastPlace[realPaths.Of(files[i])] = i;
        return [.. lastPlace.Values.Order().Select(i => files[i])];
    }

    /// <summary>A file named explicitly is read whatever its extension, if it is a regular file.</summary>
    private static void AddNamedFile(string path, List<string> files, List<LoadError> errors)
    {
        if (RegularFile.Is(path))
            files.Add(path);
        else
            errors.Add(BoundedFileReader.NotARegularFile(path));
    }

    private static void AddFolder(string root, List<string> files, List<LoadError> errors)
    {
        var found = Walk(root, files, errors);
        if (found == 0)
            errors.Add(new LoadError(LoadErrorIds.NoManifestFiles, new SourceLocation(root, 0, 0), $"There are no .yaml, .yml or .json files under '{root}'."));
    }

    /// <returns>How many manifest files the folder holds, empty ones included.</returns>
    private static int Walk(string folder, List<string> files, List<LoadError> errors)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception error) when (error is UnauthorizedAccessException or IOException)
        {
            errors.Add(new LoadError(LoadErrorIds.UnreadableFile, new SourceLocation(folder, 0, 0), $"The folder cannot be read: {error.Message}"));
            return 0;
        }
        // Go sorts names by their bytes; ordinal order of the UTF-16 names is the same outside the astral planes.
        Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var found = 0;
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo child)
            {
                if (!child.Name.StartsWith('.') && child.LinkTarget is null)
                    found += Walk(Path.Combine(folder, child.Name), files, errors);
            }
            else if (entry is FileInfo file && IsManifestFile(file.Name))
            {
                found++;
                var path = Path.Combine(folder, file.Name);
                if (!RegularFile.Is(path))
                    errors.Add(BoundedFileReader.NotARegularFile(path));
                else if (MayHoldDocuments(file))
                    files.Add(path);
            }
        }
        return found;
    }

    /// <summary>
    /// Empty files hold no documents. A file whose length cannot be read is kept so that reading it reports why.
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
