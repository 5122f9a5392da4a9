using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Model;

/// <summary>Which line of a multi-line ConfigMap value each endpoint is written on, searched in the order the value was read.</summary>
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
    public void An_excerpt_shared_by_several_endpoints_keeps_its_line()
    {
        var url = "mongodb://a:1,b:2,c:3/db";
        var lines = new ExcerptLines($"# replica set\nMONGO={url}\n");

        Assert.Equal([1, 1, 1], new[] { lines.LineOf(url), lines.LineOf(url), lines.LineOf(url) });
    }

    [Fact]
    public void An_excerpt_written_before_the_last_one_found_is_found_from_the_start()
    {
        var lines = new ExcerptLines("a=http://x:1\nb=http://y:2\nc=http://z:3\n");

        Assert.Equal([2, 0, 1], new[] { lines.LineOf("http://z:3"), lines.LineOf("http://x:1"), lines.LineOf("http://y:2") });
    }

    [Theory]
    [InlineData("a=postgres://app:****@db:5432/x\n", "postgres://app:secret@db:5432/x")]
    [InlineData("a=http://x:1", "http://x:1")]
    [InlineData("a=http://x:1\n", "")]
    public void No_line_when_the_excerpt_is_not_in_a_multi_line_value(string text, string excerpt) =>
        Assert.Null(new ExcerptLines(text).LineOf(excerpt));

    [Fact]
    public void Excerpts_that_are_not_in_the_value_stop_costing_a_search_once_the_value_has_been_read_several_times()
    {
        // 1,000 redacted excerpts ahead of the cursor would each read the whole value: after a few readings the
        // remaining ones keep the key's line (null), while a value's excerpts in order never run out.
        var text = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"k{i}=http://h{i}:80\n"));
        var lines = new ExcerptLines(text);

        var missing = Enumerable.Range(0, 1_000).Select(i => lines.LineOf($"http://missing{i}:80")).ToList();
        var inOrder = new ExcerptLines(text);

        Assert.All(missing, Assert.Null);
        Assert.Equal(Enumerable.Range(0, 1_000).Select(i => (int?)i), Enumerable.Range(0, 1_000).Select(i => inOrder.LineOf($"http://h{i}:80")));
        Assert.Null(lines.LineOf("http://h999:80"));
    }

    [Fact]
    public void Findings_in_a_ConfigMap_file_point_at_each_line_that_names_the_call()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: web-config
            data:
              app.properties: |
                # upstreams
                primary.url=http://inventory:8080/api
                replica.url=http://inventory:8080/api
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                spec:
                  containers:
                    - name: web
                      image: example/web:1
                      volumeMounts:
                        - name: config
                          mountPath: /config
                  volumes:
                    - name: config
                      configMap:
                        name: web-config
            """;

        var findings = MeshAnalyzer.Analyze(ManifestLoader.LoadText(yaml, "web.yaml")).Findings.Where(f => f.RuleId == "MESH104");

        Assert.Equal([8, 9], findings.Select(f => f.Line).Order());
    }
}
