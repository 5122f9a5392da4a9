using System.Text;
using MeshOps.Envoy;
using MeshOps.Envoy.Certificates;
using MeshOps.Envoy.Clusters;
using MeshOps.Envoy.Config;
using MeshOps.Envoy.Server;
using MeshOps.Envoy.Stats;

namespace MeshOps.Tests.Envoy;

/// <summary>
/// A saved file or admin answer that is not JSON, or is cut short, is reported by every Envoy JSON parser in the user's
/// words: what is wrong and where, not System.Text.Json's reader internals (isFinalBlock, BytePositionInLine).
/// </summary>
public class JsonProblemMessageTests
{
    private static readonly EnvoySource File1 = EnvoySource.ForFile("saved.json");

    public static TheoryData<string, string> Inputs => new()
    {
        { "", "empty" },
        { "<html><body>502 Bad Gateway</body></html>", "'<'" },
        { "{\"a\": [1, 2],", "cut short" },
        { "{\"a\": \"unterminated", "cut short" },
    };

    private static readonly Func<string, object>[] Parsers =
    [
        json => EnvoyClustersJsonParser.Parse(File1, Encoding.UTF8.GetBytes(json)),
        json => EnvoyCertificatesParser.Parse(File1, Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch),
        json => EnvoyConfigDumpParser.Parse(File1, json),
        json => json.Length == 0 || json[0] == '{' ? EnvoyServerInfoParser.Parse(File1, json) : throw new EnvoyFormatException(File1, "/server_info", 1, "'<' (read as text)"),
        json => EnvoyStatsParser.Parse(File1, Encoding.UTF8.GetBytes(json), EnvoyStatsFormat.Json),
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_JSON_parser_says_what_is_wrong_without_reader_internals(string json, string says)
    {
        foreach (var parse in Parsers)
        {
            var error = Assert.Throws<EnvoyFormatException>(() => parse(json));

            Assert.Contains("saved.json", error.Message, StringComparison.Ordinal);
            Assert.Contains(says, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("isFinalBlock", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("BytePositionInLine", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        }
    }
}
