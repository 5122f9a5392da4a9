namespace MeshOps.Loading.Yaml;

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

internal sealed class ParsedSequence(int line, int column) : ParsedNode(line, column)
{
    public List<ParsedNode> Items { get; } = [];
}

internal sealed class ParsedMapping(int line, int column) : ParsedNode(line, column)
{
    /// <summary>Entries in the order written; keys are always scalars (the reader rejects others).</summary>
    public List<KeyValuePair<ParsedScalar, ParsedNode>> Entries { get; } = [];

    /// <summary>Linear search: mappings in manifests are small, and this avoids a dictionary per mapping.</summary>
    public ParsedNode? Get(string key) => GetEntry(key)?.Value;

    public KeyValuePair<ParsedScalar, ParsedNode>? GetEntry(string key)
    {
        var entries = Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
                return entries[i];
        }
        return null;
    }

    /// <summary>The scalar text at <paramref name="key"/>, or null when absent, null, or not a scalar.</summary>
    public string? GetString(string key) =>
        Get(key) is ParsedScalar { Type: not ScalarType.Null } scalar ? scalar.Value : null;
}
