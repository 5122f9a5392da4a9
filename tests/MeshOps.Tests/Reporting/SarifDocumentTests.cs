using System.Text.Json.Nodes;
using MeshOps.Analysis.Rules;
using MeshOps.Reporting;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Tests.Reporting;

public class SarifDocumentTests
{
    private static JsonObject Run(MeshOps.Analysis.AnalysisReport report, ReportContext? context = null) =>
        SarifDocument.Build(report, context ?? ReportSamples.ExampleContext)["runs"]![0]!.AsObject();

    [Fact]
    public void Each_finding_is_a_result_of_its_rule_at_its_file_line_and_column_relative_to_the_base_folder()
    {
        var report = ReportSamples.Of("MESH101-payments-targetport");
        var run = Run(report);

        var results = run["results"]!.AsArray();
        Assert.Equal(report.Findings.Count, results.Count);
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var (finding, result) in report.Findings.Zip(results))
        {
            Assert.Equal(finding.RuleId, (string?)result!["ruleId"]);
            Assert.Equal(finding.RuleId, (string?)rules[(int)result["ruleIndex"]!]!["id"]);
            var physical = result["locations"]![0]!["physicalLocation"]!;
            Assert.Equal(Path.GetRelativePath(ReportSamples.ExampleRoot, finding.File).Replace('\\', '/'), (string?)physical["artifactLocation"]!["uri"]);
            Assert.Equal("%SRCROOT%", (string?)physical["artifactLocation"]!["uriBaseId"]);
            Assert.Equal(finding.Line, (int)physical["region"]!["startLine"]!);
            Assert.Equal(finding.Column, (int)physical["region"]!["startColumn"]!);
            Assert.Equal(finding.Message, (string?)result["message"]!["text"]);
            Assert.Equal(finding.Fix, (string?)result["properties"]!["fix"]);
        }

        Assert.Equal(new Uri(ReportSamples.ExampleRoot + "/").AbsoluteUri, (string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"]);
    }

    [Fact]
    public void Every_rule_that_ran_is_described_with_its_title_fix_confirm_and_level()
    {
        var report = ReportSamples.Of("healthy") with { };
        var rules = Run(report)["tool"]!["driver"]!["rules"]!.AsArray();

        Assert.Equal(report.RulesRun, rules.Select(r => (string)r!["id"]!));
        var mesh101 = RuleGuide.Describe(RuleCatalog.TargetPortMismatch);
        var described = rules.Single(r => (string?)r!["id"] == "MESH101")!;
        Assert.Equal(mesh101.Title, (string?)described["shortDescription"]!["text"]);
        Assert.Contains(mesh101.Fix, (string?)described["help"]!["text"], StringComparison.Ordinal);
        Assert.Contains(mesh101.Confirm, (string?)described["help"]!["text"], StringComparison.Ordinal);
        Assert.Equal("error", (string?)described["defaultConfiguration"]!["level"]);
    }

    [Fact]
    public void Only_the_selected_rules_are_described()
    {
        var report = HashiCupsExampleWith(["MESH101", "MESH201"]);

        var ids = Run(report)["tool"]!["driver"]!["rules"]!.AsArray().Select(r => (string)r!["id"]!);

        Assert.Equal(["MESH101", "MESH201"], ids);
    }

    [Fact]
    public void An_input_that_could_not_be_read_makes_the_run_unsuccessful_and_is_named()
    {
        var run = Run(ReportSchemaTests.Edges());

        var invocation = run["invocations"]![0]!;
        Assert.False((bool)invocation["executionSuccessful"]!);
        var notifications = invocation["toolExecutionNotifications"]!.AsArray();
        Assert.Equal(["MeshOps.InvalidYaml", "MeshOps.PathNotFound"], notifications.Select(n => (string)n!["descriptor"]!["id"]!));
        Assert.Equal("healthy/a%20b%23c.yaml", (string?)notifications[0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        Assert.All(notifications, n => Assert.Equal("error", (string?)n!["level"]));
    }

    [Fact]
    public void A_clean_run_is_successful()
    {
        Assert.True((bool)Run(ReportSamples.Of("healthy"))["invocations"]![0]!["executionSuccessful"]!);
    }

    [Fact]
    public void A_live_object_and_piped_text_have_no_file_but_name_the_object_and_place()
    {
        var results = Run(ReportSchemaTests.Edges())["results"]!.AsArray();

        var live = results.Single(r => (string?)r!["ruleId"] == "MESH101")!;
        Assert.Null(live["locations"]![0]!["physicalLocation"]);
        Assert.Equal("Service/default/payments", (string?)live["locations"]![0]!["logicalLocations"]![0]!["fullyQualifiedName"]);
        Assert.Equal("Service/default/payments (resourceVersion 1234)", (string?)live["properties"]!["location"]);
        var piped = results.Single(r => (string?)r!["ruleId"] == "MESH102")!;
        Assert.Null(piped["locations"]![0]!["physicalLocation"]);
        Assert.Equal("<stdin>:12:3", (string?)piped["properties"]!["location"]);
    }

    [Fact]
    public void A_file_outside_the_base_folder_is_an_absolute_file_uri()
    {
        var results = Run(ReportSchemaTests.Edges())["results"]!.AsArray();

        var artifact = results.Single(r => (string?)r!["ruleId"] == "MESH103")!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal(new Uri(Path.Combine(Path.GetTempPath(), "elsewhere", "payments.yaml")).AbsoluteUri, (string?)artifact["uri"]);
        Assert.Null(artifact["uriBaseId"]);
    }

    [Fact]
    public void Evidence_is_related_locations()
    {
        var report = ReportSamples.Of("MESH101-payments-targetport");
        var finding = report.Findings.Single();

        var related = Run(report)["results"]![0]!["relatedLocations"]!.AsArray();

        Assert.Equal(finding.Evidence.Count, related.Count);
        Assert.Equal(finding.Evidence[0].Location.Line, (int)related[0]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Contains(finding.Evidence[0].Note, (string?)related[0]!["message"]!["text"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_survives_a_line_move_and_tells_findings_apart()
    {
        string Fingerprint(SourceLocation at, string message) => (string)Run(ReportSamples.Report([ReportSamples.Finding("MESH104", at, message)]))
            ["results"]![0]!["partialFingerprints"]!["meshopsFinding/v1"]!;
        var file = Path.Combine(ReportSamples.ExampleRoot, "healthy", "public-api.yaml");

        var before = Fingerprint(new SourceLocation(file, 10, 1), "calls 'postgress' (env at public-api.yaml:40)");
        var moved = Fingerprint(new SourceLocation(file, 14, 1), "calls 'postgress' (env at public-api.yaml:44)");
        var other = Fingerprint(new SourceLocation(file, 10, 1), "calls 'paymnts' (env at public-api.yaml:40)");

        Assert.Equal(before, moved);
        Assert.NotEqual(before, other);
    }

    [Fact]
    public void The_fingerprint_is_the_same_in_another_clone()
    {
        // CI clones the repository into another folder than a developer's; the message quotes files by absolute path.
        string Fingerprint(string root)
        {
            var file = Path.Combine(root, "healthy", "public-api.yaml");
            var report = ReportSamples.Report([ReportSamples.Finding("MESH203", new SourceLocation(file, 10, 1), $"also allowed at {file}:12")]);
            return (string)Run(report, new ReportContext(root, "1.0.0"))["results"]![0]!["partialFingerprints"]!["meshopsFinding/v1"]!;
        }

        Assert.Equal(Fingerprint(Path.Combine(Path.GetTempPath(), "clone-a")), Fingerprint(Path.Combine(Path.GetTempPath(), "ci", "clone-b")));
    }

    private static MeshOps.Analysis.AnalysisReport HashiCupsExampleWith(IReadOnlyCollection<string> rules) =>
        MeshOps.Tests.Analysis.HashiCupsExample.Analyze(null, MeshOps.Analysis.AnalysisOptions.Default with { IncludeRules = rules });
}
