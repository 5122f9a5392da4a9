using MeshOps.Sources.Files;
using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Tests.Sources;

/// <summary>
/// The fast block reader must build exactly the tree YamlDotNet's path builds, positions included, or step aside.
/// Every YAML file in the reference data and the examples is read both ways and compared.
/// </summary>
public sealed class BlockYamlReaderTests
{
    private static YamlDocumentReader NewReader() => new(YamlLimits.MaxDepth, LoaderOptions.Default.MaxNodesPerDocument);

    public static TheoryData<string> YamlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var root in new[] { ReferenceData.Path(), RepoPaths.Combine("examples") })
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
                data.Add(Path.GetRelativePath(Path.GetDirectoryName(RepoPaths.Root)!, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Block_reader_and_YamlDotNet_build_the_same_trees(string file)
    {
        var text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepoPaths.Root)!, file)).TrimStart('\uFEFF');
        AssertSameAsYamlDotNet(text);
    }

    [Theory]
    [InlineData("a: 1\nb:\n  - x\n  - y: 2\n    z: 'q''s'\nc: \"t\\\"u\"\n")]
    [InlineData("items:\n- name: a\n  ports:\n  - 80\n  -\n- {}\n- []\nempty:\n")]
    [InlineData("# head\n---\na: |\n  line one\n\n    indented\n  last\nb: |-\n  stripped\n---\nc: d # comment\n")]
    [InlineData("a: |\n  no final break")]
    [InlineData("a: b\r\nc:\r\n  d: |\r\n    x\r\n    y\r\n")]
    [InlineData("url: http://products-api:9090/x#frag\nhash: a#b\n")]
    [InlineData("k: -1\nl: - x\n")]
    [InlineData("k: a: b\n")]
    [InlineData("k:\n  a\n  b\n")]
    [InlineData("k: &x 1\nl: *x\n")]
    [InlineData("k: >\n  folded\n  text\n")]
    [InlineData("k: [a, b]\n")]
    [InlineData("a: 1\na: 2\n")]
    [InlineData("a:\n\t- b\n")]
    [InlineData("---\n---\na: 1\n")]
    [InlineData("just a scalar\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("a: \"\\u00e9\"\n")]
    [InlineData("<<: {a: 1}\nb: 2\n")]
    [InlineData("a:\n  b: 1\n c: 2\n")]
    [InlineData("- a\n- b\n")]
    [InlineData("\"quoted key\": v\n'single': w\n")]
    [InlineData("a: 'unterminated\n")]
    public void Edge_cases_match_YamlDotNet(string text) => AssertSameAsYamlDotNet(text);

    [Fact]
    public void Random_manifest_shaped_yaml_reads_as_YamlDotNet_reads_it()
    {
        var generator = new RandomBlockYaml(seed: 20261125);
        for (var i = 0; i < 5000; i++)
        {
            var text = generator.Next();
            var expected = Describe(NewReader().ReadWithYamlDotNet(text).ToList());
            var actual = Describe(NewReader().Read(text).ToList());
            Assert.True(expected == actual, $"Case {i} differs.\n--- input ---\n{text}\n--- YamlDotNet ---\n{expected}\n--- block reader ---\n{actual}");
        }
    }

    [Fact]
    public void The_healthy_HashiCups_example_is_read_without_falling_back()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("examples", "hashicups", "healthy"), "*.yaml"))
        {
            var reader = new BlockYamlReader(File.ReadAllText(file), new KeyPool(), new ValuePool(), YamlLimits.MaxDepth, 100_000);
            var documents = 0;
            BlockReadOutcome outcome;
            while ((outcome = reader.TryReadNext(out _)) == BlockReadOutcome.Document)
                documents++;
            Assert.True(outcome == BlockReadOutcome.End, $"{file}: fell back to YamlDotNet at line {reader.ResumeLine + 1}");
            Assert.True(documents > 0, file);
        }
    }

    [Fact]
    public void A_fallback_mid_stream_keeps_earlier_documents_and_true_line_numbers()
    {
        var text = "a: 1\n---\nb: &x 2\nc: *x\n---\nd: [1, 2]\n";
        var reader = new BlockYamlReader(text, new KeyPool(), new ValuePool(), YamlLimits.MaxDepth, 100_000);
        Assert.Equal(BlockReadOutcome.Document, reader.TryReadNext(out var first));
        Assert.Equal("a", ((ParsedMapping)first!).Entries[0].Key);
        Assert.Equal(BlockReadOutcome.Unsupported, reader.TryReadNext(out _));
        Assert.Equal(1, reader.ResumeLine);

        var documents = NewReader().Read(text).ToList();
        Assert.Equal(3, documents.Count);
        var last = (ParsedMapping)documents[2].Root!;
        Assert.Equal(("d", 6), (last.Entries[0].Key, last.Entries[0].KeyLine));
    }

    private static void AssertSameAsYamlDotNet(string text)
    {
        var expected = NewReader().ReadWithYamlDotNet(text).ToList();
        var actual = NewReader().Read(text).ToList();
        Assert.Equal(Describe(expected), Describe(actual));
    }

    private static string Describe(List<ParsedDocument> documents)
    {
        var output = new System.Text.StringBuilder();
        foreach (var document in documents)
        {
            output.Append("--- ");
            if (document.Problem is { } problem)
                output.Append($"error {problem.ErrorId} {problem.Line}:{problem.Column} {problem.Message}\n");
            else
                Write(output, document.Root, 0);
        }
        return output.ToString();
    }

    private static void Write(System.Text.StringBuilder output, ParsedNode? node, int depth)
    {
        var pad = new string(' ', depth * 2);
        switch (node)
        {
            case null:
                output.Append(pad).Append("(none)\n");
                break;
            case ParsedScalar scalar:
                output.Append(pad).Append($"scalar {scalar.Line}:{scalar.Column} {scalar.Type} [{scalar.Value.Replace("\n", "\\n", StringComparison.Ordinal)}]\n");
                break;
            case ParsedSequence sequence:
                output.Append(pad).Append($"sequence {sequence.Line}:{sequence.Column}\n");
                foreach (var item in sequence.Items)
                    Write(output, item, depth + 1);
                break;
            case ParsedMapping mapping:
                output.Append(pad).Append($"mapping {mapping.Line}:{mapping.Column}\n");
                foreach (var entry in mapping.Entries)
                {
                    output.Append(pad).Append($" key {entry.KeyLine}:{entry.KeyColumn} [{entry.Key}]\n");
                    Write(output, entry.Value, depth + 1);
                }
                break;
        }
    }
}
