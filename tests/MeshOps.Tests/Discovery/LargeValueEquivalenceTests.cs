using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// Issue 10: a value of many thousand lines is read line by line and match by match without holding them all. What it
/// finds must be exactly what each line (or each location) finds alone, in the same order: no line lost at a boundary,
/// none read twice, the same origins, ports and paths.
/// </summary>
public class LargeValueEquivalenceTests
{
    private static readonly string[] LineShapes =
    [
        "key{0}=http://host{0}:80/api",
        "  url_{0}: https://api{0}.shop.svc:8443/v1?x=1  ",
        "export DB{0}=postgresql://app@orders{0}/orders",
        "# commented{0}=http://ghost{0}:80",
        "// commented{0}=http://ghost{0}:81",
        "",
        "cache{0}: redis-{0}:6379,redis-b{0}:6380",
        "CONN{0}=mongodb://m{0}a:27017,m{0}b/db",
        "\t\"quoted{0}\" = 'http://q{0}:9090/path', ",
        "jdbc{0}=jdbc:mysql://mysql{0}:3306/shop\r",
        "not a key value line {0}",
    ];

    [Fact]
    public void A_large_value_finds_what_each_of_its_lines_finds_alone()
    {
        var lines = Enumerable.Range(0, 3_000).Select(i => string.Format(LineShapes[i % LineShapes.Length], i)).ToList();
        var expected = lines.SelectMany(line => ConfigValueScanner.Scan(line).Endpoints).ToList();

        // The last line has no newline after it, so the end of the value is a line boundary too.
        var whole = ConfigValueScanner.Scan(string.Join('\n', lines)).Endpoints;

        Assert.True(expected.Count > 2_000);
        Assert.Equal(expected, whole);
    }

    [Fact]
    public void A_large_nginx_config_finds_what_each_of_its_locations_finds_alone()
    {
        // Nested locations without a directive put several spans between two directives, and a rewrite takes a prefix
        // away: the scanner's in-order lookups must skip the first and see the second as a lookup of one location would.
        var locations = Enumerable.Range(0, 3_000).Select(i => (i % 6) switch
        {
            0 => $"  location /p{i} {{ proxy_pass http://svc{i}:8080; }}",
            1 => $"  location /q{i} {{ proxy_pass http://svc{i}/base/; }} # proxy_pass http://ghost{i}:1;",
            2 => $"  # location /r{i} {{ proxy_pass http://ghost{i}:2; }}",
            3 => $"  location /t{i} {{ location /u{i} {{ }} location /v{i} {{ location /w{i} {{ }} }} }}",
            4 => $"  location /x{i} {{ rewrite ^ /y break; proxy_pass http://svc{i}:8080; }}",
            _ => $"  location ~ ^/s{i} {{ grpc_pass grpc://g{i}:9000; }}",
        }).ToList();
        var expected = locations.SelectMany(location => NginxConfigScanner.Scan($"server {{\n{location}\n}}\n").Endpoints).ToList();

        var whole = NginxConfigScanner.Scan("server {\n" + string.Join('\n', locations) + "\n}").Endpoints;

        Assert.Equal(2_000, expected.Count);
        Assert.Equal(expected, whole);
    }
}
