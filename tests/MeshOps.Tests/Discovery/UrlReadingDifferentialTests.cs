using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// URLs were read from a regex Match and its groups; now the regex only locates them (issue 10: the groups allocated
/// on every URL) and UrlAuthority reads the parts by hand. The former reading is kept here as the oracle: both must
/// find the same URLs, at the same places, with the same scheme, hosts and rest, over many generated texts.
/// </summary>
public partial class UrlReadingDifferentialTests
{
    [GeneratedRegex(@"(?<scheme>\b[A-Za-z][A-Za-z0-9+.\-]{0,31})://(?:[^\s/?#""'<>]*@)?(?<hosts>(?:\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?|[^\s/?#""'<>;,@\[\]`)(]+)?(?:,(?![A-Za-z][A-Za-z0-9+.\-]*://)(?:\[[0-9A-Fa-f:.%]+\](?::\d{1,5})?|[^\s/?#""'<>;,@\[\]`)(]+))*)(?<rest>[^\s""'<>`,;)]*)", RegexOptions.CultureInvariant)]
    private static partial Regex FormerUrl();

    private static readonly string[] NonNetwork = ["file", "unix", "unix-abstract", "data", "urn", "jar", "classpath", "vault"];

    private static readonly string[] Pieces =
    [
        "http", "HTTPS", "mongodb", "dns", "file", "x+y.z-1", "://", "://", ":", "/", "//", "@", "@", "a", "b1", "svc-2", ".", "-",
        ":80", ":27017", ":123456", "[::1]", "[fe80::1%eth0]", "[", "]", "[x]", ",", ",", ";", "?q=1", "#f", "'", "\"", "<", ">",
        "`", "(", ")", " ", "\t", "\u00A0", "\u0663", "user:p@ss", "é", "jdbc:", "", "=",
    ];

    private static readonly string[] Schemes = ["http", "HTTPS", "mongodb", "dns", "file", "grpc", "x+y.z-1", "1http", "jdbc:mysql", ""];
    private static readonly string[] UserInfos = ["", "", "app@", "app:p@ss@", "a@b@", "u:p@@"];
    private static readonly string[] Hosts =
        ["a", "svc-2", "db.ns.svc", ":5432", ":80", ":123456", ",", ",", "[::1]", "[::1]:8080", "[fe80::1%eth0]:1234567", "[x]", "10.0.0.1", ",b://", "", "\u0663", "[::1]:\u0663\u0664"];

    [Fact]
    public void Urls_are_read_as_the_former_regex_groups_read_them()
    {
        var random = new Random(20261202);
        var builder = new StringBuilder();
        var found = 0;
        for (var n = 0; n < 100_000; n++)
        {
            builder.Clear();
            // Half the texts shaped like "… scheme://[userinfo@]host[,host…]rest …", each part often malformed; half free.
            string[][] parts = n % 2 == 0
                ? [Pieces, Schemes, ["://", "://", ":/", ":///"], UserInfos, Hosts, Hosts, Hosts, Hosts, Pieces, Pieces]
                : [.. Enumerable.Repeat(Pieces, random.Next(1, 14))];
            foreach (var part in parts)
            {
                builder.Append(part[random.Next(part.Length)]);
            }

            var text = builder.ToString();
            var expected = Former(text);
            var actual = EndpointSyntax.Urls(text).Select(u => (u.Index, u.Value, u.Scheme, string.Join(' ', u.Hosts), u.Rest.ToString())).ToList();

            Assert.True(expected.SequenceEqual(actual), $"'{text}': former [{string.Join("; ", expected)}], now [{string.Join("; ", actual)}]");
            found += actual.Count;
        }

        Assert.InRange(found, 10_000, 1_000_000);
    }

    // The reading EndpointSyntax.Urls did before issue 10, group by group.
    private static List<(int, string, string, string, string)> Former(string text)
    {
        var urls = new List<(int, string, string, string, string)>();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return urls;
        }

        for (var match = FormerUrl().Match(text); match.Success; match = match.NextMatch())
        {
            var scheme = match.Groups["scheme"].Value;
            if (NonNetwork.Contains(scheme, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var authority = match.Groups["hosts"].Value;
            if (scheme.Equals("dns", StringComparison.OrdinalIgnoreCase))
            {
                var path = match.Groups["rest"].Value.TrimStart('/');
                var slash = path.IndexOf('/');
                authority = slash < 0 ? path : path[..slash];
            }

            var hosts = new List<HostPort>();
            foreach (var token in authority.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (EndpointSyntax.TryParseHostPort(token, out var hostPort))
                {
                    hosts.Add(hostPort with { Port = hostPort.Port ?? EndpointSyntax.DefaultPort(scheme) });
                }
            }

            if (hosts.Count > 0)
            {
                urls.Add((match.Index, match.Value, scheme.ToLowerInvariant(), string.Join(' ', hosts), match.Groups["rest"].Value));
            }
        }

        return urls;
    }
}
