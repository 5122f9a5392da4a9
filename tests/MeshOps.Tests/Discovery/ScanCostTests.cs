using MeshOps.Discovery;
using MeshOps.Secrets;

namespace MeshOps.Tests.Discovery;

public class ScanCostTests
{
    // A regex that backtracks quadratically would not finish on this input; a linear scan reads it and still finds
    // what is in it. Timing is the benchmarks' business: this asserts only what the scan returns.
    [Fact]
    public void Large_base64_like_value_is_scanned_whole_and_still_redacted()
    {
        var blob = "cert=" + new string('A', 200_000) + "== see https://" + new string('b', 200_000) + ":443/ password=" + new string('x', 100_000);

        var endpoints = ConfigValueScanner.Scan(blob).Endpoints;
        var redacted = SecretRedactor.Redact(blob);

        Assert.Contains(endpoints, e => e.Port == 443);
        Assert.DoesNotContain(new string('x', 100), redacted);
    }

    // Issue 10: one value naming tens of thousands of targets is read in one forward pass with hashed de-duplication.
    // Counts, not time: every distinct target is kept once and repeats still merge into it.
    [Fact]
    public void Many_targets_in_one_value_are_each_kept_once()
    {
        const int count = 20_000;
        var lines = string.Concat(Enumerable.Range(0, count).Select(i => $"key{i}=http://host{i}:80/api\n"));
        var mongo = "MONGO_URL=mongodb://" + string.Join(',', Enumerable.Range(0, count).Select(i => $"mongo{i % (count / 2)}:27017")) + "/db";
        var nginx = string.Concat(Enumerable.Range(0, count).Select(i => $"location /p{i} {{ proxy_pass http://svc{i % 100}:8080; }}\n"));

        Assert.Equal(count, ConfigValueScanner.Scan(lines).Endpoints.Count);
        Assert.Equal(count / 2, ConfigValueScanner.Scan(mongo).Endpoints.Count);
        var proxied = NginxConfigScanner.Scan(nginx).Endpoints;
        Assert.Equal(100, proxied.Count);
        Assert.All(proxied, e => Assert.Equal("/", e.Path));
    }

    // The tables are sized from the URLs a value seems to hold (issue 10). Text full of "://" that names no host must
    // not buy tables for them: bytes allocated, which no machine load moves.
    [Fact]
    public void A_value_of_bare_separators_does_not_size_tables_for_them()
    {
        var value = string.Concat(Enumerable.Repeat("x :// ", 1_000_000));
        ConfigValueScanner.Scan("warm=http://a:1/");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var endpoints = ConfigValueScanner.Scan(value).Endpoints;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Empty(endpoints);
        // The scan copies the value once; tables for a million targets would add 20 MB more.
        Assert.True(allocated < (value.Length * 2L) + 4_000_000, $"{allocated:N0} bytes allocated for a value of {value.Length:N0} characters");
    }

    // One URL written 300,000 times is one endpoint: the list sized from the count is capped, not 300,000 long.
    [Fact]
    public void A_value_of_one_url_repeated_sizes_its_list_at_most_to_the_cap()
    {
        var value = string.Concat(Enumerable.Repeat("see http://web:80/ ", 300_000));

        var endpoints = Assert.IsType<List<DiscoveredEndpoint>>(ConfigValueScanner.Scan(value).Endpoints);

        Assert.Single(endpoints);
        Assert.InRange(endpoints.Capacity, 1, 1 << 18);
    }
}
