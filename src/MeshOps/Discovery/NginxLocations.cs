using System.Buffers;

namespace MeshOps.Discovery;

/// <summary>
/// The <c>location</c> blocks of an nginx configuration (comments already stripped), so a directive can be asked which
/// URI prefix its requests have. Only prefix locations (<c>location /api</c>, <c>^~ /api</c>, <c>= /api</c>) give one:
/// a regex location (<c>~</c>, <c>~*</c>) or a named one (<c>@x</c>) says nothing certain about the path, nor does a
/// location that rewrites the URI.
/// </summary>
/// <remarks>
/// Built in one forward pass as a list of spans, each starting where the innermost location changes, so a configuration
/// of 100,000 locations is not read again for each of its directives (issue 10). The scanner asks in text order, so a
/// question walks forward from the span the one before it ended in, and only a question far ahead or behind is a
/// binary search. That makes <see cref="PrefixAt"/> change the instance: one belongs to one scan, on one thread.
/// </remarks>
internal sealed class NginxLocations
{
    private const string Rewrite = "rewrite ";

    private readonly List<string?> _prefixes;

    // Sorted by Start: from Start on (until the next span) the innermost location is _prefixes[Location], -1 for none.
    private readonly List<(int Start, int Location)> _spans;

    private static readonly SearchValues<char> BlockSyntax = SearchValues.Create("{};");

    // The span the last question ended in: questions come in text order, and a binary search for each of 200,000
    // directives read about 18 spans spread over a list too large for the caches (issue 10).
    private int _lastFound = -1;

    // Sized once from a count of the word "location" (two spans per block): grown by doubling, the lists of 200,000
    // locations were 12 MB of large arrays, on memory the system faulted in afresh on each scan (issue 10).
    private NginxLocations(int mostLocations)
    {
        _prefixes = new List<string?>(mostLocations);
        _spans = new List<(int Start, int Location)>(2 * mostLocations);
    }

    public static NginxLocations Of(string text)
    {
        var locations = new NginxLocations(text.AsSpan().Count("location"));
        var rewrites = RewritePositions(text);
        var open = new Stack<(int Start, int Location, bool IsLocation)>();
        var statementStart = 0;
        // From one brace or ';' to the next by a vectorised search: the characters between them change nothing here.
        for (var i = text.AsSpan().IndexOfAny(BlockSyntax); i >= 0; i = NextBlockSyntax(text, i))
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

    private static int NextBlockSyntax(string text, int after)
    {
        var next = text.AsSpan(after + 1).IndexOfAny(BlockSyntax);
        return next < 0 ? -1 : after + 1 + next;
    }

    /// <summary>The prefix of the innermost location block holding <paramref name="index"/>, or null.</summary>
    public string? PrefixAt(int index)
    {
        var found = FollowsLastFound(index) ? NextSpanFrom(_lastFound, index) : SearchSpan(index);
        _lastFound = found;
        return found < 0 || _spans[found].Location < 0 ? null : _prefixes[_spans[found].Location];
    }

    private bool FollowsLastFound(int index) => _lastFound >= 0 && _spans[_lastFound].Start <= index;

    // The last span starting at or before index, walking forward from one that does: a location's directive is usually
    // one or two spans (its block's start, the end of the block before) after the last directive's.
    private int NextSpanFrom(int found, int index)
    {
        const int LongestWalk = 4;
        for (var step = 0; found + 1 < _spans.Count && _spans[found + 1].Start <= index; step++)
        {
            if (step == LongestWalk)
            {
                // Far ahead, after many locations without a directive: the search is then cheaper than the walk.
                return SearchSpan(index);
            }

            found++;
        }

        return found;
    }

    private int SearchSpan(int index)
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

        return found;
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
