namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Follows a field path through a parsed tree while it is still in memory, to explain a field the typed
/// mapping rejected: where the path stops existing, and what value is written there.
/// </summary>
internal static class ParsedPath
{
    /// <summary>The deepest part of <paramref name="path"/> that exists; <see cref="Walk.Value"/> is null unless all of it does.</summary>
    public static Walk Follow(ParsedNode root, IReadOnlyList<object> path)
    {
        var current = root;
        var (line, column) = (root.Line, root.Column);
        for (var i = 0; i < path.Count; i++)
        {
            switch (path[i], current)
            {
                case (string key, ParsedMapping mapping) when mapping.GetEntry(key) is { } entry:
                    (line, column) = (entry.KeyLine, entry.KeyColumn);
                    current = entry.Value;
                    break;
                case (int index, ParsedSequence sequence) when index >= 0 && index < sequence.Items.Length:
                    current = sequence.Items[index];
                    (line, column) = (current.Line, current.Column);
                    break;
                default:
                    return new Walk(line, column, null);
            }
        }
        return new Walk(line, column, current);
    }

    internal readonly record struct Walk(int Line, int Column, ParsedNode? Value);
}
