namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// Where a tab is used as indentation. YamlDotNet (16.x) rejects it with "found invalid tab as indentation" but gives
/// an empty mark, which would put the error at 1:1 whatever line the tab is on (issue 10), so the loader finds it.
/// </summary>
internal static class TabIndentation
{
    public static bool IsTabError(string message) => message.Contains("invalid tab as indentation", StringComparison.Ordinal);

    /// <summary>The 1-based line and column of the first tab in the indentation of a content line at or after <paramref name="fromLine"/>.</summary>
    public static (int Line, int Column)? Find(string text, int fromLine)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if (line >= fromLine && FirstTabInIndent(text.AsSpan(start, end - start)) is { } column)
            {
                return (line, column + 1);
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    private static int? FirstTabInIndent(ReadOnlySpan<char> line)
    {
        var content = line.IndexOfAnyExcept(' ', '\t');
        if (content < 0 || line[content] is '#' or '\r')
        {
            return null;
        }

        var tab = line[..content].IndexOf('\t');
        return tab < 0 ? null : tab;
    }
}
