using System.Text;
using System.Text.RegularExpressions;
using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

/// <summary>
/// The hand parser replaced this regex (issue 10: its matches allocated on every line of a large value); it must read
/// every line as the regex did, backtracking included.
/// </summary>
public partial class KeyValueLineTests
{
    [GeneratedRegex(@"^(?:export\s+)?[""']?(?<key>[A-Za-z_][A-Za-z0-9_.\-]*)[""']?\s*(?:=|:(?!//))\s*(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FormerRegex();

    // Dense in what the grammar turns on: "export", quotes, key characters, separators, "//", Unicode whitespace.
    private static readonly string[] Pieces =
    [
        "export", "export ", "export\t", "exports", "\"", "'", "a", "Z", "_", "k1", "9", ".", "-", "=", ":", "://", "//", "/",
        " ", "  ", "\t", "\u00A0", "\u2028", "\r", "\v", "#", ",", ";", "http", "host", "é", "$", "{", "}", "@", "",
    ];

    private static readonly string[] Prefixes = ["", "", "export ", "export\t ", "export", "exports ", "export \"", "# "];
    private static readonly string[] Quotes = ["", "", "\"", "'"];
    private static readonly string[] Spaces = ["", "", " ", "\t", " \u00A0"];
    private static readonly string[] Separators = ["=", ":", "=", ":", "://", ":/", "", "=:", " = "];

    [Fact]
    public void Hand_parser_reads_every_generated_line_as_the_former_regex()
    {
        var random = new Random(20261202);
        var builder = new StringBuilder();
        var matched = 0;
        for (var n = 0; n < 200_000; n++)
        {
            builder.Clear();

            // Half the lines shaped like "[export ][quote]key[quote] sep value", each part often malformed; half free.
            string[][] parts = n % 2 == 0 ? [Prefixes, Quotes, Pieces, Quotes, Spaces, Separators, Spaces, Pieces, Pieces] : [Pieces, Pieces, Pieces, Pieces, Pieces, Pieces];
            foreach (var part in parts)
            {
                builder.Append(part[random.Next(part.Length)]);
            }

            var line = builder.ToString();
            var expected = FormerRegex().Match(line);
            var parsed = KeyValueLine.TryParse(line, out var key, out var value);

            Assert.True(expected.Success == parsed, $"'{line}': regex {expected.Success}, parser {parsed}");
            if (parsed)
            {
                matched++;
                Assert.Equal((expected.Groups["key"].Value, expected.Groups["value"].Value), (line[key], line[value]));
            }
        }

        // Both outcomes are exercised often, not only the easy "no" of random text.
        Assert.InRange(matched, 10_000, 190_000);
    }

    [Theory]
    [InlineData("export DB=postgres://a", "DB", "postgres://a")]
    [InlineData("export = 1", "export", "1")]
    [InlineData("\"url\": http://api:80", "url", "http://api:80")]
    [InlineData("a= \t", "a", "\t")]
    public void Key_and_value_are_read(string line, string key, string value)
    {
        Assert.True(KeyValueLine.TryParse(line, out var keyRange, out var valueRange));
        Assert.Equal((key, value), (line[keyRange], line[valueRange]));
    }

    [Theory]
    [InlineData("http://api:80")]
    [InlineData("a=")]
    [InlineData("1key=value")]
    public void Lines_that_are_no_key_value_are_refused(string line)
    {
        Assert.False(KeyValueLine.TryParse(line, out _, out _));
    }
}
