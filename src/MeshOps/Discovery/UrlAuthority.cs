namespace MeshOps.Discovery;

/// <summary>
/// Where the userinfo and the host list of a URL found by <see cref="EndpointSyntax"/>'s URL regex end. The regex only
/// says where a URL is (a <see cref="System.Text.RegularExpressions.ValueMatch"/> allocates nothing); its groups are
/// read here, because a <see cref="System.Text.RegularExpressions.Match"/> with four groups allocated on every URL of
/// a value, 100,000 URLs in issue 10. The grammar is the regex's; its groups match greedily and all that follows
/// them is optional, so the greedy reading below is the one the regex takes. A differential test holds the two together.
/// </summary>
internal static class UrlAuthority
{
    /// <summary>
    /// Where the hosts start: after the userinfo, which runs to the LAST '@' of the run of <c>[^\s/?#"'&lt;&gt;]</c>
    /// after "://" (a raw '@' in a password is part of it), or right after "://" when that run has no '@'.
    /// </summary>
    public static int HostsStart(ReadOnlySpan<char> text, int afterSeparator)
    {
        var start = afterSeparator;
        for (var i = afterSeparator; i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('/' or '?' or '#' or '"' or '\'' or '<' or '>'); i++)
        {
            start = text[i] == '@' ? i + 1 : start;
        }

        return start;
    }

    /// <summary>
    /// Where the host list ends: hosts (<c>[v6](:port)?</c> or a run of host characters) joined by ',', a ',' being
    /// part of the list only when another host follows it that does not start a new URL ("a:1,b://…").
    /// </summary>
    public static int HostsEnd(ReadOnlySpan<char> text, int start)
    {
        var end = Host(text, start);
        while (end < text.Length && text[end] == ',' && !StartsUrl(text[(end + 1)..]))
        {
            var next = Host(text, end + 1);
            if (next == end + 1)
            {
                break;
            }

            end = next;
        }

        return end;
    }

    // The end of one host at start, or start when none is there.
    private static int Host(ReadOnlySpan<char> text, int start)
    {
        if (start < text.Length && text[start] == '[')
        {
            var close = start + 1;
            while (close < text.Length && (char.IsAsciiHexDigit(text[close]) || text[close] is ':' or '.' or '%'))
            {
                close++;
            }

            if (close == start + 1 || close >= text.Length || text[close] != ']')
            {
                return start;
            }

            var end = close + 1;
            if (end + 1 < text.Length && text[end] == ':' && char.IsDigit(text[end + 1]))
            {
                // \d{1,5}: the regex's \d is any Unicode decimal digit, as char.IsDigit is.
                var digits = end + 1;
                while (digits < text.Length && digits - end <= 5 && char.IsDigit(text[digits]))
                {
                    digits++;
                }

                end = digits;
            }

            return end;
        }

        var i = start;
        while (i < text.Length && IsHostChar(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsHostChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('/' or '?' or '#' or '"' or '\'' or '<' or '>' or ';' or ',' or '@' or '[' or ']' or '`' or ')' or '(');

    // [A-Za-z][A-Za-z0-9+.\-]*://
    private static bool StartsUrl(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        var i = 1;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '.' or '-'))
        {
            i++;
        }

        return text[i..].StartsWith("://", StringComparison.Ordinal);
    }
}
