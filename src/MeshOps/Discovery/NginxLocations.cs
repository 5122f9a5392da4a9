namespace MeshOps.Discovery;

/// <summary>
/// The <c>location</c> blocks of an nginx configuration (comments already stripped), so a directive can be asked which
/// URI prefix its requests have. Only prefix locations (<c>location /api</c>, <c>^~ /api</c>, <c>= /api</c>) give one:
/// a regex location (<c>~</c>, <c>~*</c>) or a named one (<c>@x</c>) says nothing certain about the path, nor does a
/// location that rewrites the URI.
/// </summary>
internal sealed class NginxLocations
{
    private readonly List<(int Start, int End, string? Prefix)> _blocks = [];

    public static NginxLocations Of(string text)
    {
        var locations = new NginxLocations();
        var open = new Stack<(int Start, string? Prefix, bool IsLocation)>();
        var statementStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    var header = text[statementStart..i].Trim();
                    open.Push((i, PrefixOf(header), header.StartsWith("location", StringComparison.Ordinal)));
                    statementStart = i + 1;
                    break;
                case '}':
                    if (open.Count > 0 && open.Pop() is { IsLocation: true } block)
                    {
                        // A rewrite changes the URI before proxy_pass sends it: the location no longer says the path.
                        var rewrites = text.AsSpan(block.Start, i - block.Start).Contains("rewrite ", StringComparison.Ordinal);
                        locations._blocks.Add((block.Start, i, rewrites ? null : block.Prefix));
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
        (int Start, int End, string? Prefix)? innermost = null;
        foreach (var block in _blocks)
        {
            if (block.Start < index && index < block.End && (innermost is null || block.Start > innermost.Value.Start))
            {
                innermost = block;
            }
        }

        return innermost?.Prefix;
    }

    private static string? PrefixOf(string header)
    {
        var words = header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[0] != "location")
        {
            return null;
        }

        var uri = words.Length == 2 ? words[1] : words[1] is "=" or "^~" ? words[2] : null;
        return uri is not null && uri.StartsWith('/') ? uri : null;
    }
}
