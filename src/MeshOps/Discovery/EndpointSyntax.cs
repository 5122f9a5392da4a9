using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using MeshOps.Rules.Text;

namespace MeshOps.Discovery;

/// <summary>The low-level grammar shared by every scanner: URLs, host:port tokens and default ports.</summary>
internal static partial class EndpointSyntax
{
    // Schemes whose "host" is not a network peer.
    // Plain sets and dictionaries of strings throughout, not frozen ones: these few entries are looked up as fast
    // either way, and building the frozen kinds JIT-compiled their code in a session's first command (issue 14).
    private static readonly HashSet<string> NonNetworkSchemes = new(
        ["file", "unix", "unix-abstract", "data", "urn", "jar", "classpath", "vault"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> HttpSchemes = new(["http", "https", "ws", "wss"], StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, int> WebDefaultPorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = 80, ["https"] = 443, ["ws"] = 80, ["wss"] = 443, ["grpcs"] = 443, ["amqps"] = 5671, ["ldap"] = 389, ["ldaps"] = 636,
    };

    // The scheme -> protocol table once, first protocol first as WellKnownPorts.ByScheme searches it: that search
    // enumerates every protocol's scheme list through an interface, boxing an enumerator each time, and it ran for
    // every URL of a value (issue 10: 100,000 URLs).
    private static readonly Dictionary<string, TcpProtocol> ProtocolsByScheme = BuildProtocolsByScheme();

    private static Dictionary<string, TcpProtocol> BuildProtocolsByScheme()
    {
        var byScheme = new Dictionary<string, TcpProtocol>(StringComparer.OrdinalIgnoreCase);
        foreach (var protocol in WellKnownPorts.Protocols)
        {
            foreach (var scheme in protocol.Schemes)
            {
                byScheme.TryAdd(scheme, protocol);
            }
        }

        return byScheme;
    }

    // Every scheme this grammar names, lower case: a URL's scheme is looked up here rather than copied and lowered, two
    // strings on each of 100,000 URLs of one value (issue 10) that then went to the garbage collector.
    private static readonly HashSet<string> KnownSchemes = NonNetworkSchemes.Concat(HttpSchemes).Concat(WebDefaultPorts.Keys)
        .Concat(ProtocolsByScheme.Keys).Concat(["grpc", "dns"]).Select(scheme => scheme.ToLowerInvariant())
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownSchemesBySpan = KnownSchemes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The scheme in lower case, without a new string when it is one this grammar knows.</summary>
    public static string Scheme(ReadOnlySpan<char> scheme) =>
        KnownSchemesBySpan.TryGetValue(scheme, out var known) ? known : scheme.ToString().ToLowerInvariant();

    /// <summary>The port a scheme implies, or null (plain grpc:// has no standard port).</summary>
    public static int? DefaultPort(string? scheme)
    {
        if (scheme is null)
        {
            return null;
        }

        return WebDefaultPorts.TryGetValue(scheme, out var port) ? port
            : ProtocolsByScheme.TryGetValue(scheme, out var protocol) ? protocol.DefaultPort
            : null;
    }

    /// <summary>
    /// The request path an HTTP(S) or WebSocket URL names, without query and fragment, "/" when it names none (RFC 9110
    /// 4.2.1: an empty path is sent as "/"); null for other schemes, whose path is no HTTP request path.
    /// <paramref name="same"/> is returned instead of a new string when the path is that text.
    /// </summary>
    public static string? HttpPath(string scheme, ReadOnlySpan<char> rest, string? same = null)
    {
        if (!HttpSchemes.Contains(scheme))
        {
            return null;
        }

        var end = rest.IndexOfAny('?', '#');
        var path = end < 0 ? rest : rest[..end];
        return !path.StartsWith('/') ? "/" : path.SequenceEqual(same) ? same : path.ToString();
    }

    public static bool IsDatabaseScheme(string scheme) => scheme.Length > 0 && ProtocolsByScheme.ContainsKey(scheme);

    /// <summary>
    /// Every URL in the text with its hosts. Multi-host authorities (<c>mongodb://a:1,b:2/db</c>) give several hosts;
    /// gRPC's <c>dns:///host:port</c> takes the host from the path, as the gRPC name resolver does.
    /// </summary>
    public static IEnumerable<UrlMatch> Urls(string text)
    {
        for (var at = 0; NextUrl(text, ref at, out var url);)
        {
            yield return url;
        }
    }

    /// <summary>The first URL with hosts at or after <paramref name="at"/>, which then moves past it.</summary>
    public static bool NextUrl(string text, ref int at, out UrlMatch url)
    {
        url = default;
        if (at == 0 && !text.Contains("://", StringComparison.Ordinal))
        {
            at = text.Length;
            return false;
        }

        while (at < text.Length)
        {
            // Where the URL is, from the regex; a new search from "at" is what NextMatch does after a non-empty match.
            var found = false;
            ValueMatch match = default;
            foreach (var next in Url().EnumerateMatches(text, at))
            {
                match = next;
                found = true;
                break;
            }

            if (!found)
            {
                at = text.Length;
                return false;
            }

            at = match.Index + match.Length;
            if (TryRead(text, match, out url))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryRead(string text, ValueMatch match, out UrlMatch url)
    {
        url = default;
        var value = text.AsSpan(match.Index, match.Length);
        var separator = value.IndexOf(':');
        var scheme = Scheme(value[..separator]);
        if (NonNetworkSchemes.Contains(scheme))
        {
            return false;
        }

        var hostsStart = UrlAuthority.HostsStart(value, separator + 3);
        var hostsEnd = UrlAuthority.HostsEnd(value, hostsStart);
        var authority = value[hostsStart..hostsEnd];
        if (scheme == "dns")
        {
            var path = value[hostsEnd..].TrimStart('/');
            var slash = path.IndexOf('/');
            authority = slash < 0 ? path : path[..slash];
        }

        // A list only from the second host on: almost every URL names one host (see UrlMatch).
        HostPort? first = null;
        List<HostPort>? hosts = null;
        foreach (var range in authority.Split(','))
        {
            if (!authority[range].IsEmpty && TryParseHostPort(authority[range], out var hostPort))
            {
                hostPort = hostPort with { Port = hostPort.Port ?? DefaultPort(scheme) };
                if (first is null)
                {
                    first = hostPort;
                }
                else
                {
                    // Sized once from the commas: grown by doubling, a 100,000-host list was allocated twice over.
                    (hosts ??= new List<HostPort>(authority.Count(',') + 1) { first.Value }).Add(hostPort);
                }
            }
        }

        if (first is null)
        {
            return false;
        }

        // A value that is one URL is its own text: no second copy of it.
        var urlText = match.Index == 0 && match.Length == text.Length ? text : value.ToString();
        url = new UrlMatch(match.Index, urlText, scheme, first.Value, hosts, hostsEnd);
        return true;
    }

    /// <summary>A whole value that is one or more comma-separated <c>host:port</c> (a port is required).</summary>
    public static IReadOnlyList<HostPort> BareHostPorts(string value)
    {
        if (value.IndexOf(':') < 0 || value.Contains("://", StringComparison.Ordinal))
        {
            return [];
        }

        var hosts = new List<HostPort>();
        foreach (var token in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseHostPort(token, out var hostPort) || hostPort.Port is null)
            {
                return [];
            }

            hosts.Add(hostPort);
        }

        return hosts;
    }

    /// <summary><c>host</c>, <c>host:port</c>, <c>[v6]</c> or <c>[v6]:port</c>, with a host that can be a DNS name or IP.</summary>
    /// <remarks>
    /// Read by hand rather than by a regex: this runs for every host of every URL, and a regex match with its groups
    /// allocated about a third of all a 200,000-host value cost, which the garbage collector then had to sweep (issue 10).
    /// The grammar is the one the regex had: <c>^(?:\[[0-9A-Fa-f:.%]+\]|label(?:\.label)*\.?)(?::\d{1,5})?$</c>, a label
    /// being <c>[A-Za-z0-9_]</c> runs joined by '-' and not ending in one.
    /// </remarks>
    public static bool TryParseHostPort(ReadOnlySpan<char> token, out HostPort hostPort)
    {
        hostPort = default;
        var text = token.Trim();
        string host;
        ReadOnlySpan<char> rest;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 2 || text[1..close].ContainsAnyExcept(V6Chars))
            {
                return false;
            }

            host = text[1..close].ToString();
            rest = text[(close + 1)..];
        }
        else
        {
            var colon = text.IndexOf(':');
            var name = colon < 0 ? text : text[..colon];
            if (!IsDnsShapedName(name))
            {
                return false;
            }

            host = name.ToString();
            if (!IsPlausibleHost(host))
            {
                return false;
            }

            rest = text[name.Length..];
        }

        int? port = null;
        if (!rest.IsEmpty)
        {
            var digits = rest[1..];
            if (rest[0] != ':' || digits.Length is 0 or > 5 || !TryParsePort(digits, out var parsed))
            {
                return false;
            }

            port = parsed;
        }

        hostPort = new HostPort(host, port);
        return true;
    }

    private static readonly SearchValues<char> V6Chars = SearchValues.Create("0123456789ABCDEFabcdef:.%");

    private static readonly SearchValues<char> LabelChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

    // Dot-separated labels of [A-Za-z0-9_-] that neither start nor end with '-', with at most one trailing dot.
    private static bool IsDnsShapedName(ReadOnlySpan<char> name)
    {
        if (!name.IsEmpty && name[^1] == '.')
        {
            name = name[..^1];
        }

        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            var text = name[label];
            if (text.IsEmpty || text.ContainsAnyExcept(LabelChars) || text[0] == '-' || text[^1] == '-')
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParsePort(ReadOnlySpan<char> text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    // A DNS name needs a letter somewhere (so "12:30" is a time, not host 12), unless it is a dotted IPv4 address.
    private static bool IsPlausibleHost(string host) =>
        host.AsSpan().ContainsAnyInRange('A', 'Z') || host.AsSpan().ContainsAnyInRange('a', 'z')
        || (LoopbackHosts.IsIpLiteral(host) && host.AsSpan().Count('.') == 3);

    // Scheme length is bounded so a long run of letters before "://" cannot make the scan quadratic.
    // The userinfo runs to the LAST '@' of the authority: many apps write a password with a raw '@'
    // (postgres://app:P@ss@postgres:5432/db), and libpq, Go's net/url and Python's urllib split there too.
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]{0,31})://(?:[^\s/?#""'<>]*@)?(?<hosts>(?:\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?|[^\s/?#""'<>;,@\[\]`)(]+)?(?:,(?![A-Za-z][A-Za-z0-9+.\-]*://)(?:\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?|[^\s/?#""'<>;,@\[\]`)(]+))*)(?<rest>[^\s""'<>`,;)]*)", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}
