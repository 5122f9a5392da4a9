using System.Collections.Concurrent;
using MeshOps.Analysis;
using MeshOps.Sources.Files;
using MeshOps.Tests.Analysis;

namespace MeshOps.Tests.Precision;

/// <summary>
/// The expert verdicts (../shared/reference/wild/VERDICTS.md and REFERENCE-VERDICTS.md beside this file) and the
/// analyzer run on each set the way the verdicts were made: <c>Test-MeshConfig -Path &lt;folder&gt;</c> with default
/// options, which is <see cref="ManifestLoader.LoadPaths"/> then <see cref="MeshAnalyzer.Analyze"/>.
/// </summary>
internal static class Oracle
{
    private static readonly Lazy<IReadOnlyList<VerdictRow>> AllRows = new(ReadRows);

    // Each set is analysed once per test run however many rows ask about it; the report is immutable.
    private static readonly ConcurrentDictionary<string, Lazy<AnalysisReport>> Reports = new(StringComparer.Ordinal);

    public static string WildVerdictsFile => ReferenceData.Path("wild", "VERDICTS.md");

    public static string ReferenceVerdictsFile => RepoPaths.Combine("tests", "MeshOps.Tests", "Precision", "REFERENCE-VERDICTS.md");

    public static IReadOnlyList<VerdictRow> Rows => AllRows.Value;

    public static VerdictRow Row(string source, string id) => Rows.Single(row => row.Source == source && row.Id == id);

    /// <summary>
    /// One theory row per verdict row, as short arguments: xunit cuts each argument of a test name at 50 characters,
    /// so one long key would leave rows that cannot be told apart.
    /// </summary>
    public static TheoryData<string, string, string, string, string> RowsOf(string source)
    {
        var rows = new TheoryData<string, string, string, string, string>();
        foreach (var row in Rows.Where(r => r.Source == source))
        {
            rows.Add(row.Id, row.Verdict.Label(), row.RuleId, row.Resource, row.At);
        }

        return rows;
    }

    /// <summary>
    /// Every set whose findings must be judged: the folders of both verdicts files, every reference set the
    /// snapshot runs, and every wild repository as a whole.
    /// </summary>
    public static IReadOnlyList<string> AllSets()
    {
        var reference = ReferenceData.Path();
        var snapshotSets = ((IEnumerable<object?[]>)ReferenceSetTests.Sets).Select(row => (string)row[0]!);
        var wholeRepositories = Directory.GetDirectories(ReferenceData.Path("wild"))
            .Select(folder => Path.GetRelativePath(reference, folder).Replace('\\', '/'));
        return Rows.Select(row => row.SetFolder).Concat(snapshotSets).Concat(wholeRepositories)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    public static AnalysisReport Run(string set) =>
        Reports.GetOrAdd(set, key => new Lazy<AnalysisReport>(() => Analyze(key))).Value;

    /// <summary>A finding's file relative to ../shared/reference, as the verdicts write it.</summary>
    public static string RelativeFile(Finding finding) =>
        Path.IsPathRooted(finding.File) ? Path.GetRelativePath(ReferenceData.Path(), finding.File).Replace('\\', '/') : finding.File;

    public static IEnumerable<Finding> FindingsOf(VerdictRow row) =>
        Run(row.SetFolder).Findings.Where(f => row.Matches(f, RelativeFile(f)));

    /// <summary>The rows of <paramref name="set"/> that judge <paramref name="finding"/> (normally one).</summary>
    public static IEnumerable<VerdictRow> VerdictsOn(string set, Finding finding)
    {
        var file = RelativeFile(finding);
        return Rows.Where(row => row.SetFolder == set && row.Matches(finding, file));
    }

    private static AnalysisReport Analyze(string set)
    {
        // A wild folder is read as the expert ran it (the folder, recursively); a reference set as the snapshot reads it.
        var paths = set.StartsWith("wild/", StringComparison.Ordinal) ? [ReferenceData.Path(set)] : ReferenceSetTests.FilesOf(set);
        return MeshAnalyzer.Analyze(ManifestLoader.LoadPaths(paths), AnalysisOptions.Default);
    }

    private static IReadOnlyList<VerdictRow> ReadRows() => VerdictFile.WithFreeLines(
        VerdictFile.Read(WildVerdictsFile, "VERDICTS", "wild/")
            .Concat(VerdictFile.Read(ReferenceVerdictsFile, "REFERENCE", string.Empty)));
}
