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
        var walk = Walk(path);
        return walk.Matched == path.Count ? walk.Location : null;
    }

    /// <summary>The deepest part of <paramref name="path"/> that exists, for errors about fields that may be half-written.</summary>
    public SourceLocation FindNearest(IReadOnlyList<object> path) => Walk(path).Location;

    /// <summary>The value written at <paramref name="path"/>, or null when it does not exist.</summary>
    public ParsedNode? FindValue(IReadOnlyList<object> path)
    {
        var walk = Walk(path);
        return walk.Matched == path.Count ? walk.Value : null;
    }

    private WalkResult Walk(IReadOnlyList<object> path)
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
                    return new WalkResult(new SourceLocation(file, line, column), i, current);
            }
        }
        return new WalkResult(new SourceLocation(file, line, column), path.Count, current);
    }

    private readonly record struct WalkResult(SourceLocation Location, int Matched, ParsedNode Value);
}
