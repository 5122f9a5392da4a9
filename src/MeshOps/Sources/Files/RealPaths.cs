namespace MeshOps.Sources.Files;

/// <summary>
/// The real path of a file, with every symbolic link in it resolved, so that a file reached through a linked folder or a
/// link to it is known as one file (issue 10: read twice, it made false MESH108 and MESH203 errors). Folders are resolved
/// once per load, since thousands of files share them.
/// </summary>
internal sealed class RealPaths
{
    /// <summary>Linux's MAXSYMLINKS: a chain longer than this is a loop.</summary>
    private const int MaxLinks = 40;

    private readonly Dictionary<string, string?> folders = new(StringComparer.Ordinal);

    /// <summary>The real path, or the full path as written when a link cannot be followed (a loop, a dangling link).</summary>
    public string Of(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var links = 0;
            return Resolve(full, ref links) ?? full;
        }
        catch (Exception unreadable) when (unreadable is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    private string? Resolve(string full, ref int links)
    {
        if (Path.GetDirectoryName(full) is not { } parent)
            return full; // a root
        if (!folders.TryGetValue(parent, out var realParent))
        {
            realParent = Resolve(parent, ref links);
            folders[parent] = realParent;
        }
        if (realParent is null)
            return null;
        var current = Path.Combine(realParent, Path.GetFileName(full));
        if (new FileInfo(current).LinkTarget is not { } target)
            return current;
        // A relative target is relative to the folder that holds the link, whose real path is known by now.
        return ++links > MaxLinks ? null : Resolve(Path.GetFullPath(target, realParent), ref links);
    }
}
