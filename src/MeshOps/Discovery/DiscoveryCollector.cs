using MeshOps.Secrets;

namespace MeshOps.Discovery;

/// <summary>
/// Turns one (key, value) pair into endpoints or binds, in the order that resolves ambiguity: a listen address
/// first (by key or by a hostless ":port"), then a connection string, then URLs, then a bare host:port list.
/// </summary>
internal sealed class DiscoveryCollector
{
    private readonly List<DiscoveredEndpoint> endpoints = [];
    private readonly List<BindAddress> binds = [];

    // The line each endpoint and bind was first written on, beside them (-1: not known); four bytes each, as a value
    // may name 200,000 endpoints (issue 10).
    private readonly List<int> endpointLines = [];
    private readonly List<int> bindLines = [];
    private bool linesKnown;

    // Position in endpoints of each target (the endpoint apart from its path): one value may name 100,000 targets
    // (issue 10), and a search of the list for each would make discovery quadratic.
    private readonly EndpointIndex endpointIndex = new();
    private readonly HashSet<BindAddress> bindSet = [];

    // The request path of the URL before: the URLs of one value often share their path, and each endpoint keeps its
    // path for the whole analysis, so one string serves them all instead of a copy per URL (issue 10).
    private string? lastPath;

    /// <summary>
    /// The 0-based line of the scanned text what is added next is written on, set by a scanner that knows it (one that
    /// reads line by line, or one that counts the lines to each directive); null when it does not know.
    /// </summary>
    public int? Line
    {
        get;
        set
        {
            field = value;
            linesKnown |= value is not null;
        }
    }

    public void AddKeyValue(string? key, string rawValue, EndpointOrigin urlOrigin, EndpointOrigin hostPortOrigin)
    {
        // Trimmed as a span, and copied only when trimming changed it: string.Trim('"', '\'') allocated its two
        // characters as an array on every call, a tenth of what a 200,000-line value cost (issue 10).
        var trimmed = rawValue.AsSpan().Trim().Trim("\"'").Trim();
        if (trimmed.IsEmpty)
        {
            return;
        }

        var value = trimmed.Length == rawValue.Length ? rawValue : trimmed.ToString();

        if (BindSyntax.IsBindKey(key) || BindSyntax.IsHostlessPort(value))
        {
            AddBind(key, value);
            return;
        }

        var (hosts, scheme) = ConnectionStrings.Parse(value);
        if (hosts.Count > 0)
        {
            var excerpt = SecretRedactor.Redact(value);
            for (var i = 0; i < hosts.Count; i++)
            {
                AddEndpoint(new DiscoveredEndpoint(hosts[i].Host, hosts[i].Port, scheme, EndpointOrigin.ConnectionString, excerpt) { Key = key });
            }

            return;
        }

        var foundUrl = false;
        for (var at = 0; EndpointSyntax.NextUrl(value, ref at, out var url);)
        {
            foundUrl = true;
            var isJdbc = url.Index >= 5 && value.AsSpan(url.Index - 5, 5).Equals("jdbc:", StringComparison.OrdinalIgnoreCase);
            var origin = isJdbc ? EndpointOrigin.JdbcUrl
                : EndpointSyntax.IsDatabaseScheme(url.Scheme) ? EndpointOrigin.ConnectionString
                : urlOrigin;
            var excerpt = SecretRedactor.Redact(isJdbc ? "jdbc:" + url.Value : url.Value);
            var path = EndpointSyntax.HttpPath(url.Scheme, url.Rest, lastPath);
            lastPath = path ?? lastPath;
            MakeRoom(url.HostCount);
            for (var i = 0; i < url.HostCount; i++)
            {
                var host = url.HostAt(i);
                AddEndpoint(new DiscoveredEndpoint(host.Host, host.Port, url.Scheme, origin, excerpt) { Key = key, Path = path });
            }
        }

        if (foundUrl)
        {
            return;
        }

        // One excerpt for the list, as for a connection string's hosts: redacted once per host, a list of 200,000 hosts
        // was read 200,000 times (47 s; a helper's review, issue 10).
        var bare = EndpointSyntax.BareHostPorts(value);
        var bareExcerpt = bare.Count == 0 ? value : SecretRedactor.Redact(value);
        MakeRoom(bare.Count);
        for (var i = 0; i < bare.Count; i++)
        {
            AddEndpoint(new DiscoveredEndpoint(bare[i].Host, bare[i].Port, null, hostPortOrigin, bareExcerpt) { Key = key });
        }
    }

    /// <summary>
    /// Adds the endpoint once. The same target written again with another request path (one proxy_pass per nginx
    /// location) stays one endpoint whose path is what both paths start with, so no request it may send is left out.
    /// </summary>
    public void AddEndpoint(DiscoveredEndpoint endpoint)
    {
        var same = endpointIndex.FindOrAdd(endpoint, endpoints, endpoints.Count);
        if (same < 0)
        {
            endpoints.Add(endpoint);
            endpointLines.Add(Line ?? -1);
        }
        else if (endpoints[same].Path != endpoint.Path)
        {
            endpoints[same] = endpoints[same] with { Path = CommonPathPrefix(endpoints[same].Path, endpoint.Path) };
        }
    }

    /// <summary>
    /// Room for as many endpoints as <paramref name="text"/> has URLs, before any is added. A value of 200,000 URLs
    /// grew the list by doubling, each step a new large array on fresh memory the system had to fault in page by
    /// page, twice the final size in all (issue 10). Only "://" between a scheme letter and a host character counts,
    /// and at most <see cref="MostUrlsSizedFor"/>: a value of bare "://" or of one URL repeated leaves little unused.
    /// </summary>
    public void ExpectUrlsOf(ReadOnlySpan<char> text)
    {
        const int WorthSizing = 256;
        if (text.Length / 8 < WorthSizing)
        {
            return;
        }

        var urls = 0;
        for (var at = text.IndexOf("://"); at >= 0 && urls < MostUrlsSizedFor; )
        {
            var end = at + 3;
            if (at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]) && end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '['))
            {
                urls++;
            }

            var next = text[end..].IndexOf("://");
            at = next < 0 ? -1 : end + next;
        }

        if (urls >= WorthSizing)
        {
            endpointIndex.EnsureRoomFor(urls);
            endpoints.EnsureCapacity(endpoints.Count + urls);
            endpointLines.EnsureCapacity(endpointLines.Count + urls);
        }
    }

    // Sizing beyond this is left to growth: it bounds what a value of URLs that are all the same can leave unused
    // (about 5 MB), while the 200,000-URL values of issue 10's benchmark are sized in one step.
    private const int MostUrlsSizedFor = 1 << 18;

    // Room for a URL's hosts before they are added: the tables of a 100,000-host URL grew by doubling, each step a new
    // large array on fresh memory that the system had to fault in page by page (issue 10). Both grow at least twofold
    // (List.EnsureCapacity and EndpointIndex do), so many small multi-host URLs in a row do not resize each time.
    private void MakeRoom(int hosts)
    {
        if (hosts > 1)
        {
            endpointIndex.EnsureRoomFor(hosts);
            endpoints.EnsureCapacity(endpoints.Count + hosts);
            endpointLines.EnsureCapacity(endpointLines.Count + hosts);
        }
    }

    // Either path unknown means the requests are unknown; else the longest shared prefix that ends at a '/' boundary.
    private static string? CommonPathPrefix(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        var shared = a[..length];
        var slash = shared.LastIndexOf('/');
        return slash < 0 ? null : shared[..(slash + 1)];
    }

    public void AddBind(BindAddress bind)
    {
        if (bindSet.Add(bind))
        {
            binds.Add(bind);
            bindLines.Add(Line ?? -1);
        }
    }

    public DiscoveryResult ToResult() =>
        endpoints.Count == 0 && binds.Count == 0 ? DiscoveryResult.Empty
        : linesKnown ? new DiscoveryResult(endpoints, binds) { EndpointLines = endpointLines, BindLines = bindLines }
        : new DiscoveryResult(endpoints, binds);

    private void AddBind(string? key, string value)
    {
        string? host;
        int port;

        // LISTEN_URL=http://0.0.0.0:8080 style: the URL's authority is the listen address.
        var at = 0;
        if (EndpointSyntax.NextUrl(value, ref at, out var url) && url.FirstHost.Port is int urlPort)
        {
            host = LoopbackHosts.IsAllInterfaces(url.FirstHost.Host) ? null : url.FirstHost.Host;
            port = urlPort;
        }
        else if (!BindSyntax.TryParse(value, BindSyntax.IsBindKey(key), out host, out port))
        {
            return;
        }

        AddBind(new BindAddress(host, port, SecretRedactor.Redact(value)) { Key = key });
    }
}
