using System.Xml.Linq;
using MeshOps.Reporting;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Tests.Reporting;

public class JUnitDocumentTests
{
    private static XElement Build(MeshOps.Analysis.AnalysisReport report, Severity failOn = Severity.Error) =>
        JUnitDocument.Build(report, ReportSamples.ExampleContext with { FailOn = failOn }).Root!;

    private static XElement Suite(XElement root, string ruleId) =>
        root.Elements("testsuite").Single(s => ((string)s.Attribute("name")!).StartsWith(ruleId + " ", StringComparison.Ordinal));

    [Fact]
    public void A_rule_with_a_finding_fails_the_case_of_its_resource_with_the_place_fix_and_confirm()
    {
        var report = ReportSamples.Of("MESH101-payments-targetport");
        var finding = report.Findings.Single();

        var testCase = Suite(Build(report), "MESH101").Elements("testcase").Single();

        Assert.Equal("Service/default/payments", (string?)testCase.Attribute("name"));
        Assert.Equal("MeshOps.MESH101", (string?)testCase.Attribute("classname"));
        var failure = testCase.Element("failure")!;
        Assert.Equal("Error", (string?)failure.Attribute("type"));
        Assert.Equal(finding.Message, (string?)failure.Attribute("message"));
        Assert.Contains($"faults/MESH101-payments-targetport/payments.yaml:{finding.Line}:{finding.Column}", failure.Value, StringComparison.Ordinal);
        Assert.Contains("Fix: " + finding.Fix, failure.Value, StringComparison.Ordinal);
        Assert.Contains("Confirm: " + finding.Confirm, failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_found_nothing_is_one_passed_case()
    {
        var suite = Suite(Build(ReportSamples.Of("MESH101-payments-targetport")), "MESH102");

        var testCase = Assert.Single(suite.Elements("testcase"));
        Assert.Empty(testCase.Elements());
        Assert.Equal("0", (string?)suite.Attribute("failures"));
    }

    [Fact]
    public void A_warning_passes_with_its_text_unless_the_run_fails_on_warnings()
    {
        var report = ReportSamples.Of("MESH102-frontend-selector");
        Assert.Contains(report.Findings, f => f.RuleId == "MESH102" && f.Severity == Severity.Warning);

        var onErrors = Suite(Build(report), "MESH102").Elements("testcase").Single();
        var onWarnings = Suite(Build(report, Severity.Warning), "MESH102").Elements("testcase").Single();

        Assert.Null(onErrors.Element("failure"));
        Assert.Contains("MESH102", onErrors.Element("system-out")!.Value, StringComparison.Ordinal);
        Assert.Equal("Warning", (string?)onWarnings.Element("failure")!.Attribute("type"));
    }

    [Fact]
    public void Inputs_that_could_not_be_read_are_errors_and_every_count_adds_up()
    {
        var root = Build(ReportSchemaTests.Edges());

        var inputs = root.Elements("testsuite").Single(s => (string?)s.Attribute("name") == "MeshOps inputs");
        Assert.Equal(["healthy/a b#c.yaml", "./missing"], inputs.Elements("testcase").Select(c => (string)c.Attribute("name")!));
        Assert.All(inputs.Elements("testcase"), c => Assert.NotNull(c.Element("error")));
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(cases.Count, (int)root.Attribute("tests")!);
        Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)root.Attribute("failures")!);
        Assert.Equal(2, (int)root.Attribute("errors")!);
        Assert.All(root.Elements("testsuite"), s => Assert.Equal(s.Elements("testcase").Count(), (int)s.Attribute("tests")!));
    }

    [Fact]
    public void Two_findings_of_one_rule_on_one_resource_are_one_case()
    {
        var file = Path.Combine(ReportSamples.ExampleRoot, "healthy", "public-api.yaml");
        var report = ReportSamples.Report(
        [
            ReportSamples.Finding("MESH104", new SourceLocation(file, 10, 1), "calls 'postgress'"),
            ReportSamples.Finding("MESH104", new SourceLocation(file, 12, 1), "calls 'paymnts'"),
        ]);

        var testCase = Suite(Build(report), "MESH104").Elements("testcase").Single();

        Assert.Contains("postgress", testCase.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Contains("paymnts", testCase.Element("failure")!.Value, StringComparison.Ordinal);
    }
}
