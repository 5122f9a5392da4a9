namespace MeshOps.Discovery;

/// <summary>
/// YAML <c>key: value</c>, properties/.env <c>key=value</c> and shell <c>export KEY=value</c> lines; a URL's
/// <c>http:</c> is not a key.
/// </summary>
/// <remarks>
/// Read by hand rather than by a regex: a match with its groups allocated several hundred bytes on every line of a
/// value, and a 200,000-line value left the garbage collector that much more to sweep (issue 10). The grammar is the
/// regex's, <c>^(?:export\s+)?["']?(?&lt;key&gt;[A-Za-z_][A-Za-z0-9_.\-]*)["']?\s*(?:=|:(?!//))\s*(?&lt;value&gt;.+)$</c>,
/// including where its backtracking lands (a value of only whitespace is its last character); a differential test
/// holds the two together. A line holds no '\n'.
/// </remarks>
internal static class KeyValueLine
{
    private const string Export = "export";

    public static bool TryParse(ReadOnlySpan<char> line, out Range key, out Range value)
    {
        // "export KEY=value"; when the rest is no key/value line, "export" itself may still be the key ("export = 1").
        if (line.StartsWith(Export, StringComparison.Ordinal) && line.Length > Export.Length && char.IsWhiteSpace(line[Export.Length]))
        {
            var start = Export.Length;
            while (start < line.Length && char.IsWhiteSpace(line[start]))
            {
                start++;
            }

            if (TryParseFrom(line, start, out key, out value))
            {
                return true;
            }
        }

        return TryParseFrom(line, 0, out key, out value);
    }

    private static bool TryParseFrom(ReadOnlySpan<char> line, int i, out Range key, out Range value)
    {
        key = default;
        value = default;
        i += i < line.Length && line[i] is '"' or '\'' ? 1 : 0;
        var keyStart = i;
        if (i >= line.Length || !(char.IsAsciiLetter(line[i]) || line[i] == '_'))
        {
            return false;
        }

        i++;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '_' or '.' or '-'))
        {
            i++;
        }

        var keyEnd = i;
        i += i < line.Length && line[i] is '"' or '\'' ? 1 : 0;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i >= line.Length || !(line[i] == '=' || (line[i] == ':' && !line[(i + 1)..].StartsWith("//", StringComparison.Ordinal))))
        {
            return false;
        }

        i++;
        var valueStart = i;
        while (valueStart < line.Length && char.IsWhiteSpace(line[valueStart]))
        {
            valueStart++;
        }

        // The value needs one character: after a separator followed by whitespace only, that is the last whitespace.
        valueStart = valueStart == line.Length ? valueStart - 1 : valueStart;
        if (valueStart < i)
        {
            return false;
        }

        key = keyStart..keyEnd;
        value = valueStart..line.Length;
        return true;
    }
}
