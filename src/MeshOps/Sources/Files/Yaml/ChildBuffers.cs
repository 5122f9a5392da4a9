namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Reusable lists, one per nesting depth, that collect a mapping's or sequence's children before they are
/// copied to an exact-size array; so building a tree allocates no growing lists.
/// </summary>
internal sealed class ChildBuffers
{
    private readonly List<List<MappingEntry>> entries = [];
    private readonly List<List<ParsedNode>> items = [];

    /// <summary>An empty list for the mapping being read at <paramref name="depth"/>.</summary>
    public List<MappingEntry> Entries(int depth) => Take(entries, depth);

    /// <summary>An empty list for the sequence being read at <paramref name="depth"/>.</summary>
    public List<ParsedNode> Items(int depth) => Take(items, depth);

    private static List<T> Take<T>(List<List<T>> byDepth, int depth)
    {
        while (byDepth.Count <= depth)
            byDepth.Add([]);
        var list = byDepth[depth];
        list.Clear();
        return list;
    }
}
