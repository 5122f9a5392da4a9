using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Secrets;

namespace MeshOps.Discovery;

/// <summary>
/// Upstream calls and listen sockets of an nginx configuration: <c>proxy_pass</c> and <c>grpc_pass</c> targets, resolved
/// through <c>upstream</c> blocks, and <c>listen</c> directives. Targets built from variables are skipped: their value
/// is only known per request.
/// </summary>
public static partial class NginxConfigScanner
{
    // nginx: "If a port is not specified, the port 80 is used" (upstream server); proxy_pass follows the scheme.
    private const int NginxDefaultPort = 80;

    public static DiscoveryResult Scan(string config)
    {
        var text = StripComments(config);
        var collector = new DiscoveryCollector();
        collector.ExpectUrlsOf(text);
        var upstreams = ReadUpstreamBlocks(text).GetAlternateLookup<ReadOnlySpan<char>>();
        var locations = NginxLocations.Of(text);

        // StripComments keeps every line, so a line of the text is the line of the config.
        var lines = new LineCounter(text);

        // ValueMatch, and the directive and target read from its text by hand: a Match with its groups allocated on
        // each of 100,000 directives (issue 10). The regex's "(?<directive>…)\s+(?<target>[^\s;]+)" reads back as below.
        // The target is read over spans of the text: its scheme, authority and path were five strings per directive.
        foreach (var pass in PassDirective().EnumerateMatches(text))
        {
            var directive = text.AsSpan(pass.Index).StartsWith("grpc_pass", StringComparison.Ordinal) ? "grpc_pass" : "proxy_pass";
            var afterDirective = text.AsSpan(pass.Index + directive.Length, pass.Length - directive.Length).TrimStart();
            var targetLength = 0;
            while (targetLength < afterDirective.Length && !char.IsWhiteSpace(afterDirective[targetLength]) && afterDirective[targetLength] != ';')
            {
                targetLength++;
            }

            var target = afterDirective[..targetLength];
            if (target.Contains('$') || target.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var origin = directive == "grpc_pass" ? EndpointOrigin.NginxGrpcPass : EndpointOrigin.NginxProxyPass;
            var scheme = SplitTarget(target, directive, out var authority);
            var excerpt = Excerpt(directive, target);
            var path = directive == "proxy_pass" ? RequestPath(target, authority.Length, locations.PrefixAt(pass.Index)) : null;
            if (upstreams.TryGetValue(authority, out var servers))
            {
                // Each server on the line that names it: that is where its host and port are written.
                foreach (var (server, serverExcerpt, serverLine) in servers)
                {
                    collector.Line = serverLine;
                    collector.AddEndpoint(new DiscoveredEndpoint(server.Host, server.Port ?? NginxDefaultPort, scheme, EndpointOrigin.NginxUpstreamServer, excerpt + " -> " + serverExcerpt) { Path = path });
                }
            }
            else if (EndpointSyntax.TryParseHostPort(authority, out var hostPort))
            {
                collector.Line = lines.LineAt(pass.Index);
                collector.AddEndpoint(new DiscoveredEndpoint(hostPort.Host, hostPort.Port ?? EndpointSyntax.DefaultPort(scheme) ?? NginxDefaultPort, scheme, origin, excerpt) { Path = path });
            }
        }

        for (var listen = ListenDirective().Match(text); listen.Success; listen = listen.NextMatch())
        {
            if (BindSyntax.TryParse(listen.Groups["address"].Value, bareNumberIsPort: true, out var host, out var port))
            {
                collector.Line = lines.LineAt(listen.Index);
                collector.AddBind(new BindAddress(host, port, listen.Value.Trim()) { Key = "listen" });
            }
        }

        return collector.ToResult();
    }

    // "proxy_pass" and "grpc_pass" hold the secret word "pass", so the redactor took every directive for a possible
    // credential and ran all its patterns, allocating on each of 100,000 locations (issue 10). The directive's "pass"
    // is a key only before '=' or ':' ("proxy_pass :x;"); otherwise a credential can only be in the target itself.
    private static string Excerpt(string directive, ReadOnlySpan<char> target)
    {
        var excerpt = string.Concat(directive, " ", target, ";");
        return target[0] is '=' or ':' || SecretRedactor.MightHoldCredential(target) ? SecretRedactor.Redact(excerpt) : excerpt;
    }

    /// <summary>
    /// Where the proxied requests' paths start. nginx (ngx_http_proxy_module): with a URI in proxy_pass, the part of
    /// the request matching the location is replaced by that URI; without one, the request URI is passed unchanged,
    /// so it starts with the location's prefix. Null when neither is known (a regex location, or none).
    /// </summary>
    private static string? RequestPath(ReadOnlySpan<char> target, int authorityLength, string? locationPrefix)
    {
        var afterScheme = target.IndexOf("://", StringComparison.Ordinal) is var s and > 0 ? target[(s + 3)..] : target;
        var uri = afterScheme[authorityLength..];
        var query = uri.IndexOf('?');
        uri = query < 0 ? uri : uri[..query];
        return uri.StartsWith('/') ? uri.ToString() : locationPrefix;
    }

    // grpc_pass accepts a bare address; its scheme is then grpc.
    private static string SplitTarget(ReadOnlySpan<char> target, string directive, out ReadOnlySpan<char> authority)
    {
        var separator = target.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator > 0 ? EndpointSyntax.Scheme(target[..separator]) : directive == "grpc_pass" ? "grpc" : "http";
        var rest = separator > 0 ? target[(separator + 3)..] : target;
        var end = rest.IndexOfAny('/', '?');
        authority = end < 0 ? rest : rest[..end];
        return scheme;
    }

    private static Dictionary<string, List<(HostPort Server, string Excerpt, int Line)>> ReadUpstreamBlocks(string text)
    {
        var upstreams = new Dictionary<string, List<(HostPort, string, int)>>(StringComparer.Ordinal);
        var lines = new LineCounter(text);
        for (var block = UpstreamBlock().Match(text); block.Success; block = block.NextMatch())
        {
            var servers = new List<(HostPort, string, int)>();
            var body = block.Groups["body"];
            foreach (Match server in ServerDirective().Matches(body.Value))
            {
                if (EndpointSyntax.TryParseHostPort(server.Groups["address"].Value, out var hostPort))
                {
                    servers.Add((hostPort, server.Value.Trim(), lines.LineAt(body.Index + server.Index)));
                }
            }

            upstreams[block.Groups["name"].Value] = servers;
        }

        return upstreams;
    }

    /// <summary>
    /// Whether a value is an nginx configuration: it has a proxy_pass or grpc_pass directive or an upstream block
    /// outside comments. A substring test took a properties file whose comment says "upstream services" for nginx and
    /// found none of its calls (a helper's review).
    /// </summary>
    internal static bool IsNginxConfig(string text)
    {
        if (!text.Contains("_pass", StringComparison.Ordinal) && !text.Contains("upstream", StringComparison.Ordinal))
        {
            return false;
        }

        var stripped = StripComments(text);
        return PassDirective().IsMatch(stripped) || UpstreamBlock().IsMatch(stripped);
    }

    // "#" starts a comment at a line start or after whitespace, outside quotes.
    internal static string StripComments(string config)
    {
        // Without a '#' there is nothing to strip, and the copy of a 100,000-location config was two large strings on
        // fresh memory (issue 10). The copy ends with a newline the config may lack; every directive read from it ends
        // at ';' or '}', so no match can depend on it.
        if (!config.Contains('#'))
        {
            return config;
        }

        var builder = new StringBuilder(config.Length);
        // Line by line from the config, not Split('\n'), which would keep every line alive during the scan (issue 10).
        for (var start = 0; start <= config.Length;)
        {
            var end = config.IndexOf('\n', start);
            end = end < 0 ? config.Length : end;
            var line = config.AsSpan(start, end - start);
            start = end + 1;
            var quote = '\0';
            var cut = line.Length;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]) || line[i - 1] is ';' or '{' or '}'))
                {
                    cut = i;
                    break;
                }
            }

            builder.Append(line[..cut]).Append('\n');
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<![\w$])(?<directive>proxy_pass|grpc_pass)\s+(?<target>[^\s;]+)\s*;", RegexOptions.CultureInvariant)]
    internal static partial Regex PassDirective();

    [GeneratedRegex(@"(?<![\w$])upstream\s+(?<name>[^\s{]+)\s*\{(?<body>[^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex UpstreamBlock();

    [GeneratedRegex(@"(?<![\w$])server\s+(?<address>[^\s;]+)[^;]*;", RegexOptions.CultureInvariant)]
    private static partial Regex ServerDirective();

    [GeneratedRegex(@"(?<![\w$])listen\s+(?<address>[^\s;]+)[^;]*;", RegexOptions.CultureInvariant)]
    private static partial Regex ListenDirective();
}
