using System.Text.Json.Nodes;
using MeshOps.Analysis;
using MeshOps.Reporting;

namespace MeshOps.Tests.Reporting;

public class FindingsJsonDocumentTests
{
    [Fact]
    public void Findings_carry_the_property_names_and_values_of_the_objects()
    {
        var report = ReportSamples.Of("MESH101-payments-targetport");
        var finding = report.Findings.Single();

        var json = FindingsJsonDocument.Build(report, ReportSamples.ExampleContext)["findings"]![0]!.AsObject();

        // Every public property of Finding is there, so `ConvertFrom-Json` gives what `Test-MeshConfig` gives.
        var names = typeof(Finding).GetProperties().Select(p => p.Name).Where(n => n != nameof(Finding.Location)).Order(StringComparer.Ordinal);
        Assert.Equal(names, json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("Error", (string?)json["Severity"]);
        Assert.Equal("payments", (string?)json["Resource"]!["Name"]);
        Assert.Equal("faults/MESH101-payments-targetport/payments.yaml", (string?)json["File"]);
        Assert.Equal(finding.Line, (int)json["Line"]!);
        Assert.Equal(finding.Evidence[0].Note, (string?)json["Evidence"]![0]!["Note"]);
    }

    [Fact]
    public void The_verdict_and_unreadable_inputs_are_in_the_document()
    {
        var clean = FindingsJsonDocument.Build(ReportSamples.Of("healthy"), ReportSamples.ExampleContext);
        var edges = ReportSchemaTests.Edges();
        var broken = FindingsJsonDocument.Build(ReportSamples.Report([], edges.LoadErrors), ReportSamples.ExampleContext);

        Assert.True((bool)clean["passed"]!);
        Assert.False((bool)broken["passed"]!);
        Assert.Equal(["MeshOps.InvalidYaml", "MeshOps.PathNotFound"], broken["loadErrors"]!.AsArray().Select(e => (string)e!["ErrorId"]!));
    }
}
