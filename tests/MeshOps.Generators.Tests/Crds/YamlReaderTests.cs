using MeshOps.Generators.Crds.Yaml;

namespace MeshOps.Generators.Tests.Crds;

/// <summary>The generator's own YAML reader on the constructs CRD files use.</summary>
public sealed class YamlReaderTests
{
    [Fact]
    public void Block_collections_nest_and_keep_their_order_and_lines()
    {
        var doc = (YamlMapping)YamlReader.ReadDocuments("""
            # comment
            b: 1
            a:
              - x: 1   # trailing comment
                y: "two"
              - plain text
            list:
            - one
            - - nested
            """).Single();

        Assert.Equal(["b", "a", "list"], doc.Entries.Select(e => e.Key.Value));
        var items = (YamlSequence)doc.Get("a")!;
        var first = (YamlMapping)items.Items[0];
        Assert.Equal("1", ((YamlScalar)first.Get("x")!).Value);
        Assert.Equal(5, first.Get("y")!.Line);
        Assert.True(((YamlScalar)first.Get("y")!).Quoted);
        Assert.Equal("plain text", ((YamlScalar)items.Items[1]).Value);
        var list = (YamlSequence)doc.Get("list")!;
        Assert.Equal("nested", ((YamlScalar)((YamlSequence)list.Items[1]).Items[0]).Value);
    }

    [Theory]
    [InlineData("k: |\n  a\n  b\n\nn: 1", "a\nb\n")]
    [InlineData("k: |-\n  a\n   b\n\nn: 1", "a\n b")]
    [InlineData("k: |+\n  a\n\n\nn: 1", "a\n\n\n")]
    [InlineData("k: >\n  a\n  b\n\n  c\nn: 1", "a b\nc\n")]
    [InlineData("k: >-\n  a\n    more\n  b\nn: 1", "a\n  more\nb")]
    [InlineData("k: 'it''s # not a comment'", "it's # not a comment")]
    [InlineData("k: \"tab\\tquote\\\" \\u00e9\"", "tab\tquote\" \u00e9")]
    [InlineData("k: \"folded\n  across lines\"", "folded across lines")]
    [InlineData("k: plain # comment", "plain")]
    [InlineData("k: plain\n  continued", "plain continued")]
    [InlineData("k: http://host:80/x", "http://host:80/x")]
    public void Scalars_read_as_yaml_defines_them(string text, string expected)
    {
        var doc = (YamlMapping)YamlReader.ReadDocuments(text).Single();

        Assert.Equal(expected, ((YamlScalar)doc.Get("k")!).Value);
    }

    [Fact]
    public void Flow_collections_and_documents_are_read()
    {
        var docs = YamlReader.ReadDocuments("---\na: {}\nb: []\nc: [x, 'y', {k: v, e: }]\n...\n---\n# empty\n---\nd: {\n  m: [1,\n  2]}\n");

        Assert.Equal(2, docs.Count);
        var first = (YamlMapping)docs[0];
        Assert.Empty(((YamlMapping)first.Get("a")!).Entries);
        Assert.Empty(((YamlSequence)first.Get("b")!).Items);
        var c = (YamlSequence)first.Get("c")!;
        Assert.Equal("y", ((YamlScalar)c.Items[1]).Value);
        Assert.Equal("v", ((YamlScalar)((YamlMapping)c.Items[2]).Get("k")!).Value);
        Assert.True(((YamlScalar)((YamlMapping)c.Items[2]).Get("e")!).IsNull);
        var m = (YamlSequence)((YamlMapping)((YamlMapping)docs[1]).Get("d")!).Get("m")!;
        Assert.Equal(["1", "2"], m.Items.Select(i => ((YamlScalar)i).Value));
    }

    [Theory]
    [InlineData("a: 1\n b: 2", 2)]
    [InlineData("a:\n  - x\n  y: 1", 3)]
    [InlineData("a: 1\na: 2", 2)]
    [InlineData("a: \"open\nb: 1", 1)]
    [InlineData("a: *ref", 1)]
    [InlineData("a:\n\tb: 1", 2)]
    [InlineData("a: [1, 2", 1)]
    public void Malformed_yaml_names_the_line(string text, int line)
    {
        var error = Assert.Throws<YamlException>(() => YamlReader.ReadDocuments(text));

        Assert.Equal(line, error.Line);
    }
}
