using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// The last redaction pass, in <see cref="Finding"/> and <see cref="Evidence"/>: text that reaches a finding without
/// going through discovery (a Service selector, a note a rule writes) is masked there or nowhere.
/// </summary>
public class FindingRedactionTests
{
    private const string Secret = "selectorsecret123";

    // MESH102 quotes the selector as written in its message and in its kubectl -l command; no scanner reads selectors.
    private const string ServiceSelectingByToken = $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: orders
        spec:
          selector:
            app: orders
            token: {Secret}
          ports:
            - port: 80
              targetPort: 8080
        """;

    [Fact]
    public void A_credential_in_a_selector_is_masked_in_the_message_and_the_confirm_command()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(ServiceSelectingByToken, "orders.yaml"));

        var finding = Assert.Single(report.Findings, f => f.RuleId == RuleCatalog.SelectorMatchesNothing.Id);
        Assert.Contains("token=***", finding.Message, StringComparison.Ordinal);
        Assert.Contains("-l app=orders,token=***", finding.Confirm, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => Text(f).Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_text_of_a_finding_is_masked_however_it_is_made()
    {
        var resource = new ResourceRef("Service", "default", "orders");
        var location = new SourceLocation("orders.yaml", 1, 1);
        var finding = new Finding(
            "MESH102", Severity.Warning, "title", resource, location,
            "message password=hunter2", "fix password=hunter2", "kubectl get pods -l token=hunter2",
            [new Evidence(resource, location, "note password=hunter2")]);

        var copied = finding with
        {
            Message = "copy password=hunter2",
            Fix = "copy password=hunter2",
            Confirm = "copy token=hunter2",
            Evidence = [new Evidence(resource, location, "x") with { Note = "copy password=hunter2" }],
        };

        foreach (var text in new[] { Text(finding), Text(copied), finding.ToString(), copied.ToString() })
        {
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.Contains("***", text, StringComparison.Ordinal);
        }
    }

    private static string Text(Finding finding) =>
        string.Join('\n', finding.Message, finding.Fix, finding.Confirm, string.Join('\n', finding.Evidence));
}
