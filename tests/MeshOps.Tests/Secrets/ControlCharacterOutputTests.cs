using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Secrets;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Secrets;

/// <summary>
/// Issue 10 cause 7: a manifest whose name or label holds ESC[2J (clear screen) or an OSC 8 hyperlink rewrote the
/// report on the user's terminal. Findings and load errors are where every emitted text is made, so they escape there.
/// </summary>
public class ControlCharacterOutputTests
{
    // YAML's double-quoted escapes put a real ESC (\e) and BEL (\a) into the name and the selector's value.
    private const string ServiceWithEscapes = """
        apiVersion: v1
        kind: Service
        metadata:
          name: "orders\e[2J"
        spec:
          selector:
            app: "\e]8;;http://evil.example/\aclick\e]8;;\a"
          ports:
            - port: 80
              targetPort: 8080
        """;

    [Fact]
    public void Names_and_labels_reach_findings_escaped()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(ServiceWithEscapes, "orders.yaml"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == RuleCatalog.SelectorMatchesNothing.Id);
        Assert.Equal("orders\\x1b[2J", finding.Resource.Name);
        Assert.Contains("\\x1b]8;;http://evil.example/\\x07click\\x1b]8;;\\x07", finding.Confirm, StringComparison.Ordinal);
        Assert.All(report.Findings, f => Assert.DoesNotContain(Texts(f), HasControl));
    }

    [Fact]
    public void A_load_error_about_an_object_escapes_its_name()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: "cm\e[2J"
            data: [ "x" ]
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "cm.yaml").Errors);

        Assert.Contains("cm\\x1b[2J", error.Message, StringComparison.Ordinal);
        Assert.False(HasControl(error.ToString()));
    }

    [Theory]
    [InlineData("a\u001b[2Jb", "a\\x1b[2Jb")]
    [InlineData("\u009b31m", "\\x9b31m")]
    [InlineData("line\r\nnext\t", "line\\x0d\\x0anext\\x09")]
    [InlineData("abc\u202Eevil", "abc\\u202eevil")]
    [InlineData("plain text: ünïcödé", "plain text: ünïcödé")]
    public void Control_characters_are_written_as_escapes(string text, string expected)
    {
        Assert.Equal(expected, OutputText.EscapeControls(text));
    }

    private static bool HasControl(string text) => text.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E');

    private static IEnumerable<string> Texts(Finding finding) =>
        [finding.Message, finding.Fix, finding.Confirm, finding.Title, finding.Resource.ToString(), finding.Location.ToString(),
            .. finding.Evidence.Select(e => e.ToString())];
}
