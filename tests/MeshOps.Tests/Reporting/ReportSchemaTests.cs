using MeshOps.Reporting;
using MeshOps.Sources;

namespace MeshOps.Tests.Reporting;

/// <summary>
/// The SARIF documents validate against the published SARIF 2.1.0 schema and the JUnit documents against junit-10.xsd,
/// on the healthy example, on each seeded fault, and on the edges a cluster or a broken input brings (no file, a file
/// outside the base folder, piped text, inputs that could not be read).
/// </summary>
public class ReportSchemaTests
{
    [Theory]
    [MemberData(nameof(ReportSamples.Inputs), MemberType = typeof(ReportSamples))]
    public void Sarif_of_the_example_is_valid_SARIF_2_1_0(string input)
    {
        var document = ReportDocument.Render(ReportFormat.Sarif, ReportSamples.Of(input), ReportSamples.ExampleContext);

        Assert.Empty(ReportSchemas.SarifViolations(document));
    }

    [Theory]
    [MemberData(nameof(ReportSamples.Inputs), MemberType = typeof(ReportSamples))]
    public void JUnit_of_the_example_is_valid_against_junit_10_xsd(string input)
    {
        var document = ReportDocument.Render(ReportFormat.JUnit, ReportSamples.Of(input), ReportSamples.ExampleContext);

        Assert.Empty(ReportSchemas.JUnitViolations(document));
    }

    [Fact]
    public void Reports_of_live_piped_outside_and_unreadable_inputs_are_valid()
    {
        var report = Edges();

        Assert.Empty(ReportSchemas.SarifViolations(ReportDocument.Render(ReportFormat.Sarif, report, ReportSamples.ExampleContext)));
        Assert.Empty(ReportSchemas.JUnitViolations(ReportDocument.Render(ReportFormat.JUnit, report, ReportSamples.ExampleContext)));
    }

    [Fact]
    public void The_schema_check_rejects_a_document_that_breaks_it()
    {
        // A check that passes everything proves nothing: a level SARIF does not define must be caught.
        var document = ReportDocument.Render(ReportFormat.Sarif, ReportSamples.Of("MESH101-payments-targetport"), ReportSamples.ExampleContext)
            .Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);
        var junit = ReportDocument.Render(ReportFormat.JUnit, ReportSamples.Of("MESH101-payments-targetport"), ReportSamples.ExampleContext)
            .Replace("<failure ", "<failed ", StringComparison.Ordinal).Replace("</failure>", "</failed>", StringComparison.Ordinal);

        Assert.NotEmpty(ReportSchemas.SarifViolations(document));
        Assert.NotEmpty(ReportSchemas.JUnitViolations(junit));
    }

    internal static MeshOps.Analysis.AnalysisReport Edges()
    {
        var inFolder = Path.Combine(ReportSamples.ExampleRoot, "healthy", "a b#c.yaml");
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere", "payments.yaml");
        return ReportSamples.Report(
            [
                ReportSamples.Finding("MESH101", new SourceLocation("Service/default/payments (resourceVersion 1234)", 0, 0)),
                ReportSamples.Finding("MESH102", new SourceLocation("<stdin>", 12, 3)),
                ReportSamples.Finding("MESH103", new SourceLocation(outside, 4, 1)),
                ReportSamples.Finding("MESH104", new SourceLocation(inFolder, 7, 9)),
            ],
            [
                new LoadError("MeshOps.InvalidYaml", new SourceLocation(inFolder, 3, 1), "mapping values are not allowed here"),
                new LoadError("MeshOps.PathNotFound", new SourceLocation("./missing", 0, 0), "Cannot find path './missing'."),
            ]);
    }
}
