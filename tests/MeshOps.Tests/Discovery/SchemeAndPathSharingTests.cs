using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// Issue 10: a URL's scheme is looked up among the known ones instead of copied and lowered, and consecutive URLs share
/// their request path string. Neither may change what is found: the scheme is what lowering it gives, the path is each
/// URL's own.
/// </summary>
public class SchemeAndPathSharingTests
{
    // Known schemes in every case mix, unknown ones, and non-ASCII letters near ASCII ones (long s, dotless i, the
    // Kelvin sign, which lowers to 'k'): a case-insensitive lookup must give what lowering gives.
    [Theory]
    [InlineData("http")]
    [InlineData("HTTP")]
    [InlineData("hTtPs")]
    [InlineData("PostgreSQL")]
    [InlineData("MONGODB+SRV")]
    [InlineData("Grpc")]
    [InlineData("dns")]
    [InlineData("custom+proto")]
    [InlineData("X-Y.z")]
    [InlineData("httpſ")]
    [InlineData("\u0131maps")]
    [InlineData("\u212Aafka")]
    public void Scheme_is_the_lowered_text(string scheme)
    {
        Assert.Equal(scheme.ToLowerInvariant(), EndpointSyntax.Scheme(scheme));
    }

    [Fact]
    public void Every_scheme_read_from_a_url_is_its_lowered_text()
    {
        var random = new Random(10);
        var schemes = new[] { "http", "https", "ws", "wss", "grpc", "grpcs", "postgres", "postgresql", "mysql", "redis", "rediss", "mongodb", "amqp", "amqps", "kafka", "nats", "ldap", "zz-top" };
        for (var i = 0; i < 2_000; i++)
        {
            var scheme = new string(schemes[random.Next(schemes.Length)].Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());

            var url = Assert.Single(EndpointSyntax.Urls($"x={scheme}://host{i}:1234/p"));

            Assert.Equal(scheme.ToLowerInvariant(), url.Scheme);
        }
    }

    [Fact]
    public void Consecutive_urls_keep_their_own_paths()
    {
        const string value = "a=http://a:1/api\nb=http://b:2/api?x=1\nc=grpc://c:3/svc\nd=http://d:4/v1\ne=https://e:5\nf=http://f:6/api#top\n";

        var paths = ConfigValueScanner.Scan(value).Endpoints.Select(e => (e.Host, e.Path)).ToList();

        Assert.Equal([("a", "/api"), ("b", "/api"), ("c", null), ("d", "/v1"), ("e", "/"), ("f", "/api")], paths);
    }

    [Fact]
    public void A_value_that_is_one_url_is_its_own_excerpt_and_a_url_inside_text_is_cut_out()
    {
        var whole = Assert.Single(ConfigValueScanner.Scan("URL=http://orders:8080/v1").Endpoints);
        var inside = Assert.Single(ConfigValueScanner.Scan("note: see http://orders:8080/v1 for orders").Endpoints);

        Assert.Equal("http://orders:8080/v1", whole.Excerpt);
        Assert.Equal("http://orders:8080/v1", inside.Excerpt);
    }

    [Fact]
    public void Nginx_target_read_over_spans_keeps_scheme_port_path_and_upstream()
    {
        const string config = """
            upstream backend { server api-1:9090; server api-2; }
            location /a { proxy_pass HTTPS://web:8443/base?x=1; }
            location /b { proxy_pass Httpſ://odd; }
            location /c { proxy_pass http://backend; }
            location /d { grpc_pass grpcs://g; }
            """;

        var found = NginxConfigScanner.Scan(config).Endpoints.Select(e => (e.Host, e.Port, e.Scheme, e.Path)).ToList();

        Assert.Equal(
            [("web", 8443, "https", "/base"), ("odd", 80, "httpſ", "/b"), ("api-1", 9090, "http", "/c"), ("api-2", 80, "http", "/c"), ("g", 443, "grpcs", null)],
            found);
    }
}
