using System.Text.RegularExpressions;

namespace MeshOps.Discovery;

/// <summary>
/// Key/value database connection strings: libpq (<c>host=postgres port=5432 …</c>, space-separated) and the
/// semicolon form of Npgsql/ADO.NET (<c>Host=…;Port=…</c>, <c>Server=…</c>).
/// </summary>
internal static partial class ConnectionStrings
{
    public const int PostgresDefaultPort = 5432;

    /// <summary>
    /// The hosts a connection string names, or an empty list when the value is not one. host/hostaddr is the libpq
    /// vocabulary, so their port defaults to 5432 as libpq's does; a bare Server= gives no port. Comma lists pair
    /// hosts with ports as libpq does; socket directories (<c>host=/var/run/postgresql</c>) are skipped.
    /// </summary>
    public static (IReadOnlyList<HostPort> Hosts, string? Scheme) Parse(string value)
    {
        if (value.IndexOf('=') < 0
            || (!value.Contains("host", StringComparison.OrdinalIgnoreCase) && !value.Contains("server", StringComparison.OrdinalIgnoreCase)
                && !value.Contains("data source", StringComparison.OrdinalIgnoreCase))
            // Without a pair there is nothing to read; IsMatch allocates nothing, a MatchCollection does, and every
            // "http://host…" URL of a value contains "host" (issue 10).
            || !Pair().IsMatch(value))
        {
            return ([], null);
        }

        string? hostValue = null;
        string? serverValue = null;
        string? portValue = null;
        foreach (Match pair in Pair().Matches(value))
        {
            var key = pair.Groups["key"].Value.ToLowerInvariant();
            var text = pair.Groups["value"].Value;
            switch (key)
            {
                case "host" or "hostaddr":
                    hostValue ??= text;
                    break;
                case "server" or "data source":
                    serverValue ??= text;
                    break;
                case "port":
                    portValue ??= text;
                    break;
            }
        }

        var isPostgres = hostValue is not null;
        var hostList = hostValue ?? serverValue;
        if (hostList is null)
        {
            return ([], null);
        }

        var ports = (portValue ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        var hosts = new List<HostPort>();
        var names = hostList.Split(',', StringSplitOptions.TrimEntries);
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].StartsWith('/') || !EndpointSyntax.TryParseHostPort(names[i], out var hostPort))
            {
                continue;
            }

            var portText = ports.Length == 1 ? ports[0] : i < ports.Length ? ports[i] : string.Empty;
            int? port = EndpointSyntax.TryParsePort(portText, out var parsed) ? parsed : hostPort.Port;
            hosts.Add(hostPort with { Port = port ?? (isPostgres ? PostgresDefaultPort : null) });
        }

        return (hosts, isPostgres ? "postgres" : null);
    }

    public static bool IsConnectionStringKey(ReadOnlySpan<char> key) =>
        key.Equals("host", StringComparison.OrdinalIgnoreCase) || key.Equals("hostaddr", StringComparison.OrdinalIgnoreCase)
        || key.Equals("server", StringComparison.OrdinalIgnoreCase) || key.Equals("port", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<key>hostaddr|host|server|data source|port)\s*=\s*(?:'(?<value>[^']*)'|(?<value>[^\s;']+))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pair();
}
