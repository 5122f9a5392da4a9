namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// One node of a parsed YAML document. Aliases are resolved to the anchored node itself, so the tree is
/// a graph that can share nodes; anything that walks it must bound its work (see <see cref="JsonTranscoder"/>).
/// </summary>
internal abstract class ParsedNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

internal sealed class ParsedScalar(int line, int column, string value, ScalarType type) : ParsedNode(line, column)
{
    /// <summary>The text as written, quotes removed.</summary>
    public string Value { get; } = value;

    public ScalarType Type { get; } = type;
}

internal sealed class ParsedSequence(int line, int column, ParsedNode[] items) : ParsedNode(line, column)
{
    public ParsedNode[] Items { get; } = items;
}

/// <remarks>Children are exact-size arrays: retained trees are the loader's main cost to the garbage collector.</remarks>
internal sealed class ParsedMapping(int line, int column, MappingEntry[] entries) : ParsedNode(line, column)
{
    /// <summary>Entries in the order written; keys are always scalars (the reader rejects others).</summary>
    public MappingEntry[] Entries { get; } = entries;

    /// <summary>Linear search: mappings in manifests are small, and this avoids a dictionary per mapping.</summary>
    public ParsedNode? Get(string key) => GetEntry(key)?.Value;

    public MappingEntry? GetEntry(string key)
    {
        var entries = Entries;
        for (var i = 0; i < entries.Length; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                return entries[i];
        }
        return null;
    }

    /// <summary>The scalar text at <paramref name="key"/>, or null when absent, null, or not a scalar.</summary>
    public string? GetString(string key) =>
        Get(key) is ParsedScalar { Type: not ScalarType.Null } scalar ? scalar.Value : null;
}

/// <summary>
/// A key and its value. The key is kept as text and position rather than as a node: keys are half of all
/// scalars, and every object kept alive costs the garbage collector once trees are retained.
/// </summary>
internal readonly record struct MappingEntry(string Key, int KeyLine, int KeyColumn, ParsedNode Value);
