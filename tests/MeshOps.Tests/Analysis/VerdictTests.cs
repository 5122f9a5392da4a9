using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// <see cref="AnalysisReport.Passed"/>, the verdict behind Test-MeshConfig -Quiet: no Error finding and every input read.
/// </summary>
public class VerdictTests
{
    private static readonly LoadError Unreadable = new(LoadErrorIds.UnreadableFile, new SourceLocation("loop.yaml", 0, 0), "The file cannot be read.");

    [Fact]
    public void Nothing_found_and_everything_read_passes()
    {
        Assert.True(new AnalysisReport([], []) { ResourcesAnalysed = 1 }.Passed);
    }

    [Fact]
    public void Nothing_analysed_fails_unless_an_empty_input_is_allowed()
    {
        var report = new AnalysisReport([], []);

        Assert.True(report.AnalysedNothing);
        Assert.False(report.Passed);
        Assert.True(report.PassedWith(allowEmpty: true));
    }

    [Fact]
    public void An_empty_input_allowed_still_fails_when_an_input_could_not_be_read()
    {
        Assert.False(new AnalysisReport([], [Unreadable]).PassedWith(allowEmpty: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: []\n")]
    public void The_analyzer_reports_that_a_text_without_objects_analysed_nothing(string text)
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText(text, "<stdin>"));

        Assert.True(report.AnalysedNothing);
        Assert.False(report.Passed);
    }

    [Fact]
    public void The_analyzer_counts_the_objects_it_analysed()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadText("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n", "<stdin>"));

        Assert.Equal(1, report.ResourcesAnalysed);
        Assert.True(report.Passed);
    }

    [Fact]
    public void A_folder_of_no_manifests_analysed_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("meshops-verdict-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "README.md"), "# not a manifest");

            var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([folder.FullName]));

            Assert.True(report.AnalysedNothing);
            Assert.False(report.Passed);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(Severity.Info)]
    [InlineData(Severity.Warning)]
    public void Findings_below_error_pass(Severity severity)
    {
        Assert.True(new AnalysisReport([FindingOf(severity)], []) { ResourcesAnalysed = 1 }.Passed);
    }

    [Fact]
    public void An_error_finding_fails()
    {
        Assert.False(new AnalysisReport([FindingOf(Severity.Warning), FindingOf(Severity.Error)], []).Passed);
    }

    [Fact]
    public void An_input_that_could_not_be_read_fails_though_nothing_was_found()
    {
        Assert.False(new AnalysisReport([], [Unreadable]).Passed);
    }

    [Fact]
    public void An_input_a_front_end_rejected_itself_fails_once_merged_into_the_set()
    {
        var healthy = ManifestLoader.LoadText(new TestMesh().Service("api").Workload("api").ToString(), "<test>");
        var rejected = new ManifestSet([], [new LoadError("Example.NotAFile", new SourceLocation("Env:PATH", 0, 0), "Not a file.")]);
        var options = new AnalysisOptions { ExcludeRules = ["MESH206"] };

        Assert.True(MeshAnalyzer.Analyze(healthy, options).Passed);
        Assert.False(MeshAnalyzer.Analyze(ManifestSet.Merge(rejected, healthy), options).Passed);
    }

    [Fact]
    public void A_missing_path_given_to_the_loader_fails_the_verdict()
    {
        var manifests = ManifestLoader.LoadPaths([Path.Combine(Path.GetTempPath(), "meshops-absent-" + Guid.NewGuid().ToString("N"))]);

        Assert.False(MeshAnalyzer.Analyze(manifests).Passed);
    }

    private static Finding FindingOf(Severity severity) =>
        new("MESH601", severity, "title", new ResourceRef("ConfigMap", null, "app"), new SourceLocation("app.yaml", 1, 1), "message", "fix", "confirm", []);
}
