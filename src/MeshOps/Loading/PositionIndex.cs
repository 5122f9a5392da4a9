using MeshOps.Loading.Yaml;

namespace MeshOps.Loading;

/// <summary>
/// Finds fields by walking the kept YAML tree on demand; nothing is indexed up front because most
/// objects never have a finding. A key segment points at where the key was written.
/// </summary>
internal sealed class PositionIndex(string file, ParsedNode root) : IPositionIndex
{
    public SourceLocation? Find(IReadOnlyList<object> path)
    {
        var (located, matched, _) = Walk(path);
        return matched == path.Count ? ToLocation(located) : null;
    }

    /// <summary>The deepest part of <paramref name="path"/> that exists, for errors about fields that may be half-written.</summary>
    public SourceLocation FindNearest(IReadOnlyList<object> path) => ToLocation(Walk(path).Located);

    /// <summary>The value written at <paramref name="path"/>, or null when it does not exist.</summary>
    public ParsedNode? FindValue(IReadOnlyList<object> path)
    {
        var (_, matched, value) = Walk(path);
        return matched == path.Count ? value : null;
    }

    private (ParsedNode Located, int Matched, ParsedNode Value) Walk(IReadOnlyList<object> path)
    {
        var current = root;
        var located = root;
        for (var i = 0; i < path.Count; i++)
        {
            switch (path[i], current)
            {
                case (string key, ParsedMapping mapping) when mapping.GetEntry(key) is { } entry:
                    located = entry.Key;
                    current = entry.Value;
                    break;
                case (int index, ParsedSequence sequence) when index >= 0 && index < sequence.Items.Count:
                    located = current = sequence.Items[index];
                    break;
                default:
                    return (located, i, current);
            }
        }
        return (located, path.Count, current);
    }

    private SourceLocation ToLocation(ParsedNode node) => new(file, node.Line, node.Column);
}
