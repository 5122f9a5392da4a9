using System.Text;
using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// Every finding, load error and load warning, in full (rule, severity, object, file:line:column, message, fix, confirm, evidence),
/// on every input we have: the HashiCups example healthy and with each seeded fault, every real reference set and every
/// wild repository. The text is compared with the approved copy checked in beside this file, so a change of structure
/// that changes a single verdict or a single word fails here. A change of verdict that is meant is approved by running
/// with MESHOPS_APPROVE_SNAPSHOT=1, which rewrites the file for review in the diff.
/// </summary>
public class FindingsSnapshotTests
{
    private static string ApprovedFile => RepoPaths.Combine("tests", "MeshOps.Tests", "Analysis", "FindingsSnapshot.approved.txt");

    [Fact]
    public void Findings_on_every_input_are_exactly_the_approved_ones()
    {
        var actual = Render();
        if (Environment.GetEnvironmentVariable("MESHOPS_APPROVE_SNAPSHOT") == "1")
        {
            File.WriteAllText(ApprovedFile, actual);
        }

        Assert.True(File.Exists(ApprovedFile), $"{ApprovedFile} is missing: run once with MESHOPS_APPROVE_SNAPSHOT=1 and review it.");
        var approved = File.ReadAllText(ApprovedFile).ReplaceLineEndings("\n");
        Assert.Equal(approved, actual);
    }

    private static string Render()
    {
        var text = new StringBuilder();
        Append(text, "examples/hashicups/healthy", RepoPaths.Root, HashiCupsExample.Analyze());
        foreach (var fault in HashiCupsExample.FaultNames)
        {
            Append(text, $"examples/hashicups/faults/{fault}", RepoPaths.Root, HashiCupsExample.Analyze(fault));
        }

        var reference = ReferenceData.Path();
        foreach (var set in ((IEnumerable<object?[]>)ReferenceSetTests.Sets).Select(row => (string)row[0]!))
        {
            Append(text, set, reference, MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(ReferenceSetTests.FilesOf(set))));
        }

        foreach (var repository in Directory.GetDirectories(ReferenceData.Path("wild")).Order(StringComparer.Ordinal))
        {
            Append(text, Path.GetRelativePath(reference, repository).Replace('\\', '/'), reference,
                MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([repository])));
        }

        // Messages quote other files by full path; CI clones the repository somewhere else.
        return text.ToString().Replace(reference, "<reference>", StringComparison.Ordinal).Replace(RepoPaths.Root, "<repo>", StringComparison.Ordinal);
    }

    private static void Append(StringBuilder text, string title, string root, AnalysisReport report)
    {
        string Relative(string file) => Path.IsPathRooted(file) ? Path.GetRelativePath(root, file).Replace('\\', '/') : file;

        text.Append("## ").Append(title).Append('\n');
        foreach (var error in report.LoadErrors)
        {
            text.Append($"load error {error.ErrorId} {Relative(error.Location.File)}:{error.Location.Line}:{error.Location.Column} {error.Message}\n");
        }

        foreach (var warning in report.LoadWarnings)
        {
            text.Append($"load warning {warning.WarningId} {Relative(warning.Location.File)}:{warning.Location.Line}:{warning.Location.Column} {warning.Message}\n");
        }

        foreach (var f in report.Findings)
        {
            text.Append($"{f.RuleId} {f.Severity} {f.Resource} {Relative(f.File)}:{f.Line}:{f.Column}\n");
            text.Append($"  title: {f.Title}\n  message: {f.Message}\n  fix: {f.Fix}\n  confirm: {f.Confirm}\n");
            foreach (var evidence in f.Evidence)
            {
                text.Append($"  evidence: {evidence.Resource} {Relative(evidence.Location.File)}:{evidence.Location.Line}: {evidence.Note}\n");
            }
        }
    }
}
