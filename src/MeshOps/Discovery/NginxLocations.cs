namespace MeshOps.Discovery;

/// <summary>
/// The <c>location</c> blocks of an nginx configuration (comments already stripped), so a directive can be asked which
/// URI prefix its requests have. Only prefix locations (<c>location /api</c>, <c>^~ /api</c>, <c>= /api</c>) give one:
/// a regex location (<c>~</c>, <c>~*</c>) or a named one (<c>@x</c>) says nothing certain about the path, nor does a
/// location that rewrites the URI.
/// </summary>
/// <remarks>
/// Built in one forward pass as a list of spans, each starting where the innermost location changes, so a question is
/// a binary search: a configuration of 100,000 locations is not read again for each of its directives (issue 10).
/// </remarks>
internal sealed class NginxLocations
{
    private const string Rewrite = "rewrite ";

    private readonly List<string?> _prefixes = [];

    // Sorted by Start: from Start on (until the next span) the innermost location is _prefixes[Location], -1 for none.
    private readonly List<(int Start, int Location)> _spans = [];

    public static NginxLocations Of(string text)
    {
        var locations = new NginxLocations();
        var rewrites = RewritePositions(text);
        var open = new Stack<(int Start, int Location, bool IsLocation)>();
        var statementStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    var header = text.AsSpan(statementStart, i - statementStart).Trim();
                    var isLocation = header.StartsWith("location", StringComparison.Ordinal);
                    var location = open.Count > 0 ? open.Peek().Location : -1;
                    if (isLocation)
                    {
                        location = locations._prefixes.Count;
                        locations._prefixes.Add(PrefixOf(header));
                        locations._spans.Add((i + 1, location));
                    }

                    open.Push((i, location, isLocation));
                    statementStart = i + 1;
                    break;
                case '}':
                    if (open.Count > 0 && open.Pop() is { IsLocation: true } block)
                    {
                        // A rewrite changes the URI before proxy_pass sends it: the location no longer says the path.
                        if (ContainsRewrite(rewrites, block.Start, i))
                        {
                            locations._prefixes[block.Location] = null;
                        }

                        locations._spans.Add((i, open.Count > 0 ? open.Peek().Location : -1));
                    }

                    statementStart = i + 1;
                    break;
                case ';':
                    statementStart = i + 1;
                    break;
            }
        }

        return locations;
    }

    /// <summary>The prefix of the innermost location block holding <paramref name="index"/>, or null.</summary>
    public string? PrefixAt(int index)
    {
        int low = 0, high = _spans.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_spans[middle].Start <= index)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 || _spans[found].Location < 0 ? null : _prefixes[_spans[found].Location];
    }

    private static List<int> RewritePositions(string text)
    {
        var positions = new List<int>();
        for (var at = text.IndexOf(Rewrite, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Rewrite, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        return positions;
    }

    // Whether a "rewrite " lies wholly within text[start..end), as a search of that span would find it.
    private static bool ContainsRewrite(List<int> positions, int start, int end)
    {
        var first = positions.BinarySearch(start);
        first = first < 0 ? ~first : first;
        return first < positions.Count && positions[first] + Rewrite.Length <= end;
    }

    // Read over the header's span rather than split into strings: one header per location, 100,000 in issue 10.
    private static string? PrefixOf(ReadOnlySpan<char> header)
    {
        var rest = header;
        var first = NextWord(ref rest);
        var second = NextWord(ref rest);
        var third = NextWord(ref rest);
        if (second.IsEmpty || !first.SequenceEqual("location"))
        {
            return null;
        }

        var uri = third.IsEmpty ? second : second is "=" or "^~" ? third : ReadOnlySpan<char>.Empty;
        return uri.StartsWith('/') ? uri.ToString() : null;
    }

    // The next run of non-whitespace characters, as string.Split with no separators cuts them; empty when none is left.
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> text)
    {
        text = text.TrimStart();
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var word = text[..end];
        text = text[end..];
        return word;
    }
}
