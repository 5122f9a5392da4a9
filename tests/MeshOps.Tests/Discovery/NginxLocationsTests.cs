using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>The location table's answers do not depend on the order of the questions, though it walks from the last one.</summary>
public class NginxLocationsTests
{
    [Fact]
    public void Questions_in_any_order_get_the_answers_a_fresh_table_gives()
    {
        var config = string.Concat(Enumerable.Range(0, 40).Select(i => (i % 4) switch
        {
            0 => $"location /a{i} {{ proxy_pass http://x; }}\n",
            1 => $"location /b{i} {{ location /c{i} {{ }} location ~ d {{ }} proxy_pass http://y; }}\n",
            2 => $"server {{ location = /e{i} {{ rewrite ^ /z break; }} }}\n",
            _ => $"location ^~ /f{i}/ {{ if ($x) {{ }} }}\n",
        }));
        var indices = Enumerable.Range(0, config.Length + 1).ToList();
        // A fresh table has no last answer to walk from: each of these is a plain search.
        var expected = indices.Select(i => NginxLocations.Of(config).PrefixAt(i)).ToList();
        Assert.Contains("/c1", expected);
        Assert.Contains("/f3/", expected);

        var random = new Random(20261203);
        foreach (var order in new[] { indices, Enumerable.Reverse(indices).ToList(), [.. indices.OrderBy(_ => random.Next())] })
        {
            var locations = NginxLocations.Of(config);
            foreach (var i in order)
            {
                Assert.Equal(expected[i], locations.PrefixAt(i));
            }
        }
    }
}
