using MeshOps.Analysis;

namespace MeshOps.Tests.Precision;

/// <summary>
/// One judged finding from a verdicts table (VERDICTS.md or REFERENCE-VERDICTS.md): the rule, the object and the
/// place the expert saw, and the verdict. Paths and the set folder are relative to ../shared/reference.
/// </summary>
internal sealed record VerdictRow(
    string Source,
    string SetTitle,
    string SetFolder,
    int Number,
    string RuleId,
    string Severity,
    string Resource,
    string File,
    int Line,
    Verdict Verdict,
    string Reason,
    bool MustBeReported)
{
    /// <summary>Narrows the row to findings whose message names this (two findings of one rule on one line).</summary>
    public string? MessageMustName { get; init; }

    /// <summary>
    /// True when the line is not needed to tell this row from the others of its set: fixes may move where a finding
    /// points inside the same file, and a finding that moved is still the finding the expert judged.
    /// </summary>
    public bool LineIsFree { get; init; }

    /// <summary>The row's number as its file writes it: set "3." row 6 is 3#6, set "R18." row 2 is R18#2.</summary>
    public string Id => $"{SetTitle.Split(' ')[0].TrimEnd('.')}#{Number}";

    /// <summary>Where the expert saw the finding, short enough for a test name.</summary>
    public string At => $"{Path.GetFileName(File)}:{Line}" + (MessageMustName is null ? string.Empty : $" ({MessageMustName})");

    public string Key => $"{Source} {Id} {Verdict.Label()} {RuleId} {Resource} {At}";

    public bool Matches(Finding finding, string relativeFile) =>
        finding.RuleId == RuleId
        && finding.Resource.ToString() == Resource
        && relativeFile == File
        && (LineIsFree || finding.Line == Line)
        && (MessageMustName is null || finding.Message.Contains(MessageMustName, StringComparison.Ordinal));

    public override string ToString() => Key;
}
