using MeshOps.Model;

namespace MeshOps.Tests.Model;

/// <summary>Which line of a multi-line value an excerpt is written on, searched in the order the value was read.</summary>
public class ExcerptLinesTests
{
    [Fact]
    public void Excerpts_in_order_are_found_on_their_lines()
    {
        var lines = new ExcerptLines("# settings\na=http://x:1\n\nb=http://y:2\n");

        Assert.Equal([1, 3], new[] { lines.LineOf("http://x:1"), lines.LineOf("http://y:2") });
    }

    [Fact]
    public void The_same_text_written_twice_is_placed_on_each_line_in_turn()
    {
        // Two keys naming one URL are two endpoints: the second is on the second line, not on the first occurrence.
        var lines = new ExcerptLines("primary=http://db:5432\nreplica=http://db:5432\n");

        Assert.Equal([0, 1], new[] { lines.LineOf("http://db:5432"), lines.LineOf(new string("http://db:5432".AsSpan())) });
    }

    [Fact]
    public void An_excerpt_that_begins_the_one_before_is_looked_for_after_it()
    {
        var lines = new ExcerptLines("base_url=http://api:8080/v1\nhealth_url=http://api:8080\n");

        Assert.Equal([0, 1], new[] { lines.LineOf("http://api:8080/v1"), lines.LineOf("http://api:8080") });
    }

    [Fact]
    public void An_excerpt_shared_by_several_endpoints_keeps_its_line()
    {
        // Every host of a multi-host URL shares the URL as its excerpt: looked up once, not once per host.
        var url = "mongodb://a:1,b:2,c:3,d:4,e:5,f:6,g:7,h:8,i:9,j:10/db";
        var lines = new ExcerptLines($"# replica set\nMONGO={url}\n");

        Assert.All(Enumerable.Range(0, 10).Select(_ => lines.LineOf(url)), line => Assert.Equal(1, line));
    }

    [Fact]
    public void An_excerpt_written_before_the_last_one_found_is_found_from_the_start()
    {
        var lines = new ExcerptLines("a=http://x:1\nb=http://y:2\nc=http://z:3\n");

        Assert.Equal([2, 0, 1], new[] { lines.LineOf("http://z:3"), lines.LineOf("http://x:1"), lines.LineOf("http://y:2") });
    }

    [Fact]
    public void A_masked_excerpt_is_found_by_its_text_before_the_mask()
    {
        var lines = new ExcerptLines("# database\nDB=postgres://app:s3cret@db:5432/x\n");

        Assert.Equal(1, lines.LineOf("postgres://app:***@db:5432/x"));
    }

    [Theory]
    [InlineData("a=http://x:1", "http://x:1")]
    [InlineData("a=http://x:1\n", "")]
    [InlineData("a=http://x:1\nb=http://y:2\n", "http://z:3")]
    public void No_line_for_a_one_line_value_or_an_excerpt_that_is_not_in_it(string text, string excerpt) =>
        Assert.Null(new ExcerptLines(text).LineOf(excerpt));

    [Fact]
    public void Excerpts_that_are_not_in_the_value_do_not_cost_the_ones_after_them_their_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"k{i}=http://h{i}:80\n"));
        var lines = new ExcerptLines(text);

        var found = Enumerable.Range(0, 1_000).Select(i => (Missing: lines.LineOf($"http://missing{i}:80"), Line: lines.LineOf($"http://h{i}:80"))).ToList();

        Assert.All(found, pair => Assert.Null(pair.Missing));
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (int?)i), found.Select(pair => pair.Line));
    }

    [Fact]
    public void Once_misses_have_read_the_value_several_times_only_the_text_nearby_is_searched()
    {
        // The bound that keeps 200,000 excerpts that are not in a value from reading it 200,000 times.
        var text = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"k{i}=http://h{i}:80\n"));
        var exhausted = new ExcerptLines(text);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(exhausted.LineOf($"http://missing{i}:80"));
        }

        Assert.Equal(999, new ExcerptLines(text).LineOf("http://h999:80"));
        Assert.Null(exhausted.LineOf("http://h999:80"));
        Assert.Equal(1, exhausted.LineOf("http://h1:80"));
    }
}
