using MeshOps.Analysis.Rules;
using MeshOps.Reporting;
using MeshOps.Sources;

namespace MeshOps.Tests.Reporting;

/// <summary>A credential quoted by a finding, its evidence or a load error reaches no report format.</summary>
public class ReportRedactionTests
{
    private const string Password = "Hunter2-report-marker";
    private const string Token = "b1946ac9-2f6e-4b8e-9a3c-report0marker";

    [Theory]
    [InlineData(ReportFormat.Sarif)]
    [InlineData(ReportFormat.JUnit)]
    [InlineData(ReportFormat.Json)]
    public void No_format_repeats_a_credential(ReportFormat format)
    {
        var file = Path.Combine(ReportSamples.ExampleRoot, "healthy", "products-api.yaml");
        var evidence = new Evidence(new ResourceRef("ConfigMap", "default", "db"), new SourceLocation(file, 3, 1), $"connection string postgres://postgres:{Password}@postgres:5432/products");
        var report = ReportSamples.Report(
            [ReportSamples.Finding("MESH104", new SourceLocation(file, 40, 1), $"products-api calls 'postgress' (db_connection: host=postgress password={Password})", evidence)],
            [new LoadError("MeshOps.InvalidYaml", new SourceLocation(file, 2, 1), $"bad value near CONSUL_HTTP_TOKEN={Token}")]);

        var document = ReportDocument.Render(format, report, ReportSamples.ExampleContext);

        Assert.DoesNotContain(Password, document, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, document, StringComparison.Ordinal);
        Assert.Contains("***", document, StringComparison.Ordinal);
    }
}
