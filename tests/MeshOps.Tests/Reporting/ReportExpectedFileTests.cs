using MeshOps.Reporting;

namespace MeshOps.Tests.Reporting;

/// <summary>
/// The SARIF and JUnit documents of the healthy example and of each seeded fault, compared with the expected files in
/// Expected/. The JUnit files are whole; in the SARIF files each rule descriptor is cut to its ID (the descriptors are
/// the catalogue's text, the same in every run and checked in SarifDocumentTests: 31 copies of it would bury the results).
/// A change that is meant is approved by running with MESHOPS_APPROVE_SNAPSHOT=1, which rewrites the files for review
/// in the diff.
/// </summary>
public class ReportExpectedFileTests
{
    private static string ExpectedFolder => RepoPaths.Combine("tests", "MeshOps.Tests", "Reporting", "Expected");

    [Theory]
    [MemberData(nameof(ReportSamples.Inputs), MemberType = typeof(ReportSamples))]
    public void Sarif_is_the_expected_document(string input) => Compare(input, ReportFormat.Sarif, ".sarif");

    [Theory]
    [MemberData(nameof(ReportSamples.Inputs), MemberType = typeof(ReportSamples))]
    public void JUnit_is_the_expected_document(string input) => Compare(input, ReportFormat.JUnit, ".junit.xml");

    [Fact]
    public void No_expected_file_is_left_without_an_input()
    {
        var inputs = ReportSamples.Inputs.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        var orphans = Directory.GetFiles(ExpectedFolder)
            .Select(Path.GetFileName)
            .Where(name => !inputs.Contains(name!.Replace(".junit.xml", "", StringComparison.Ordinal).Replace(".sarif", "", StringComparison.Ordinal)));

        Assert.Empty(orphans);
    }

    private static string Shorten(ReportFormat format, string document)
    {
        if (format != ReportFormat.Sarif)
        {
            return document;
        }

        var sarif = System.Text.Json.Nodes.JsonNode.Parse(document)!;
        var rules = sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray();
        foreach (var rule in rules.ToList())
        {
            rules[rules.IndexOf(rule)] = new System.Text.Json.Nodes.JsonObject { ["id"] = (string?)rule!["id"] };
        }

        return sarif.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    private static void Compare(string input, ReportFormat format, string extension)
    {
        // The base folder is written as an absolute URI, and evidence quotes absolute paths; CI clones the repository
        // somewhere else.
        var actual = Shorten(format, ReportDocument.Render(format, ReportSamples.Of(input), ReportSamples.ExampleContext))
            .Replace(new Uri(ReportSamples.ExampleRoot + "/").AbsoluteUri, "file:///<repo>/examples/hashicups/", StringComparison.Ordinal)
            .Replace(ReportSamples.ExampleRoot + "/", "<repo>/examples/hashicups/", StringComparison.Ordinal);
        var file = Path.Combine(ExpectedFolder, input + extension);
        if (Environment.GetEnvironmentVariable("MESHOPS_APPROVE_SNAPSHOT") == "1")
        {
            Directory.CreateDirectory(ExpectedFolder);
            File.WriteAllText(file, actual);
        }

        Assert.True(File.Exists(file), $"{file} is missing: run once with MESHOPS_APPROVE_SNAPSHOT=1 and review it.");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }
}
