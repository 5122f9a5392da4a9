namespace MeshOps.Tests.Robustness;

/// <summary>One variant of a manifest file: a single node deleted or replaced.</summary>
internal sealed record Mutation(string File, int Line, string Kind, string Text);

/// <summary>
/// Mutates block-style YAML one node at a time, on the text: a key with its whole value, or a list item with its
/// whole body, is deleted or replaced by a value of another shape. Working on lines keeps the rest of the file
/// byte for byte, so any finding or error that moves is the mutation's doing (issue 10).
/// </summary>
internal static class YamlMutator
{
    /// <summary>What a careless or hostile author writes in place of the real value.</summary>
    private static readonly (string Kind, string Value)[] Replacements =
    [
        ("empty", ""),
        ("null", "null"),
        ("empty string", "\"\""),
        ("number", "42"),
        ("zero", "0"),
        ("negative", "-1"),
        ("port out of range", "70000"),
        ("int32 overflow", "2147483648"),
        ("huge number", "99999999999999999999999"),
        ("float", "1.5e300"),
        ("bool", "true"),
        ("string", "\"text\""),
        ("empty list", "[]"),
        ("list of null", "[null, \"\"]"),
        ("empty map", "{}"),
        ("map", "{a: 1}"),
        ("control characters", "\"\\u0007\\u001b[2J\\u0000\\r\\n\""),
    ];

    public static IEnumerable<Mutation> Of(string file, string text)
    {
        var lines = text.Split('\n');
        var insideBlockScalar = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var (indent, body) = Split(lines[i]);
            if (body.Length == 0 || body[0] == '#' || body.StartsWith("---", StringComparison.Ordinal))
                continue;
            if (insideBlockScalar >= 0 && indent > insideBlockScalar)
                continue;
            insideBlockScalar = -1;

            if (body == "-" || body.StartsWith("- ", StringComparison.Ordinal))
            {
                var end = BlockEnd(lines, i, indent, sameIndentList: false);
                foreach (var m in Replace(file, lines, i, end, new string(' ', indent) + "-", "item"))
                    yield return m;
                var rest = body.Length > 2 ? body[2..] : "";
                foreach (var m in KeyMutations(file, lines, i, indent + 2, new string(' ', indent) + "- ", rest))
                    yield return m;
                if (IsBlockScalar(rest))
                    insideBlockScalar = indent + 2;
            }
            else
            {
                foreach (var m in KeyMutations(file, lines, i, indent, new string(' ', indent), body))
                    yield return m;
                if (IsBlockScalar(body))
                    insideBlockScalar = indent;
            }
        }
    }

    private static IEnumerable<Mutation> KeyMutations(string file, string[] lines, int i, int keyIndent, string prefix, string body)
    {
        var colon = KeyEnd(body);
        if (colon < 0)
            yield break;
        var key = body[..colon];
        var hasValue = body[(colon + 1)..].Trim() is { Length: > 0 } value && value[0] != '#';
        var end = BlockEnd(lines, i, keyIndent, sameIndentList: !hasValue);
        // Deleting the first key of a list item keeps the dash, so the item's other keys still belong to it.
        var deleted = prefix.TrimEnd() is { Length: > 0 } dash && dash.EndsWith('-') ? dash : null;
        yield return Build(file, lines, i, end, deleted, $"delete {key}");
        foreach (var m in Replace(file, lines, i, end, prefix + key + ":", key))
            yield return m;
    }

    private static IEnumerable<Mutation> Replace(string file, string[] lines, int start, int end, string head, string what)
    {
        foreach (var (kind, value) in Replacements)
            yield return Build(file, lines, start, end, value.Length == 0 ? head : $"{head} {value}", $"{what} -> {kind}");
    }

    private static Mutation Build(string file, string[] lines, int start, int end, string? replacement, string kind)
    {
        var kept = lines.Take(start).Concat(replacement is null ? [] : [replacement]).Concat(lines.Skip(end));
        return new Mutation(file, start + 1, kind, string.Join('\n', kept));
    }

    /// <summary>The line after the node that starts on line <paramref name="start"/>: its more-indented children, and a list written at the key's own indent.</summary>
    private static int BlockEnd(string[] lines, int start, int indent, bool sameIndentList)
    {
        var end = start + 1;
        while (end < lines.Length)
        {
            var (childIndent, body) = Split(lines[end]);
            var isChild = body.Length == 0 || childIndent > indent
                || sameIndentList && childIndent == indent && (body == "-" || body.StartsWith("- ", StringComparison.Ordinal));
            if (!isChild || body.StartsWith("---", StringComparison.Ordinal))
                break;
            end++;
        }

        // Trailing blank lines belong to whatever follows.
        while (end > start + 1 && Split(lines[end - 1]).Body.Length == 0)
            end--;
        return end;
    }

    /// <summary>The index of the colon that ends a plain or quoted mapping key, or -1 when the line holds no key.</summary>
    private static int KeyEnd(string body)
    {
        if (body.Length == 0 || body[0] is '{' or '[' or '#' or '|' or '>')
            return -1;
        var start = body[0] is '"' or '\'' ? body.IndexOf(body[0], 1) + 1 : 0;
        for (var c = start; c < body.Length; c++)
        {
            if (body[c] == ':' && (c + 1 == body.Length || body[c + 1] == ' '))
                return c;
        }

        return -1;
    }

    private static bool IsBlockScalar(string body)
    {
        var colon = KeyEnd(body);
        var value = (colon < 0 ? body : body[(colon + 1)..]).Trim();
        return value.StartsWith('|') || value.StartsWith('>');
    }

    private static (int Indent, string Body) Split(string line)
    {
        var body = line.TrimEnd('\r').TrimStart(' ');
        return (line.TrimEnd('\r').Length - body.Length, body.TrimEnd());
    }
}
