using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Tests.Sources;

/// <summary>The block reader's line table and its test for text that only YamlDotNet may read.</summary>
public class LineIndexTests
{
    [Theory]
    [InlineData('\u0000')]
    [InlineData('\u0008')]
    [InlineData('\u000b')]
    [InlineData('\u000c')]
    [InlineData('\u000e')]
    [InlineData('\u001b')]
    [InlineData('\u001f')]
    [InlineData('\u007f')]
    [InlineData('\u0085')]
    [InlineData('\u009f')]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\ufeff')]
    [InlineData('\ufffe')]
    [InlineData('\uffff')]
    [InlineData('\ud800')]
    [InlineData('\udfff')]
    public void A_character_YAML_treats_specially_anywhere_in_the_text_leaves_it_to_YamlDotNet(char special)
    {
        foreach (var at in new[] { 0, 5, 40, 200 })
        {
            var text = new string('a', 300).Insert(at, "ä").Insert(at + 1, special.ToString());

            Assert.False(new LineIndex(text).IsPlainText, $"U+{(int)special:X4} at {at}");
        }
    }

    [Theory]
    [InlineData("a: b\nc: 'd'\n")]
    [InlineData("a: b\r\nc: d\r\n")]
    [InlineData("a:\tb # tab, then text after the last line break")]
    [InlineData("name: café, 中文, ünïcode\u00a0spaces \u00a1 \u00ff \u2027 \u202a \ufefd \ufffd")]
    [InlineData("")]
    public void Plain_text_with_letters_of_any_script_is_read_by_the_block_reader(string text)
    {
        Assert.True(new LineIndex(text).IsPlainText);
    }

    [Fact]
    public void A_surrogate_pair_leaves_the_text_to_YamlDotNet()
    {
        // A character outside the basic plane is two surrogates: the block reader leaves it to YamlDotNet as it always has.
        Assert.False(new LineIndex("emoji: \U0001F600\n").IsPlainText);
    }

    [Theory]
    [InlineData("a\rb")]
    [InlineData("a: b\r")]
    [InlineData("a: b\r\n\rc: d\r\n")]
    public void A_carriage_return_not_before_a_line_feed_leaves_the_text_to_YamlDotNet(string text)
    {
        Assert.False(new LineIndex(text).IsPlainText);
    }

    [Fact]
    public void Lines_start_and_end_where_the_line_feeds_say_without_the_carriage_return_before_them()
    {
        var random = new Random(3122026);
        for (var sample = 0; sample < 500; sample++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(6) switch
            {
                0 => "\n",
                1 => "\r\n",
                2 => "",
                3 => "  key: value",
                4 => "x",
                _ => "\r",
            }));

            var index = new LineIndex(text);

            var expected = Expected(text);
            Assert.Equal(expected.Count, index.Count);
            for (var line = 0; line < expected.Count; line++)
            {
                Assert.Equal(expected[line], (index.Start(line), index.End(line)));
            }
        }
    }

    // Each line feed ends a line (less a carriage return just before it); text after the last one is a line of its own.
    private static List<(int Start, int End)> Expected(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lines.Add((start, i > start && text[i - 1] == '\r' ? i - 1 : i));
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add((start, text.Length));
        }

        return lines;
    }
}
