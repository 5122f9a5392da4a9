using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Precision;

/// <summary>Today's Warning and Error findings on one set, each with the verdict that judges it (null: unjudged).</summary>
internal sealed record PrecisionTally(string Set, IReadOnlyList<(Finding Finding, Verdict? Verdict)> Findings)
{
    public static PrecisionTally Of(string set) => new(set, Oracle.Run(set).Findings
        .Where(f => f.Severity >= Severity.Warning)
        .Select(f => (f, Oracle.VerdictsOn(set, f).Select(row => (Verdict?)row.Verdict).FirstOrDefault()))
        .ToList());

    public int Count(Verdict verdict) => Findings.Count(f => f.Verdict == verdict);

    public int Unjudged => Findings.Count(f => f.Verdict is null);

    /// <summary>TRUE / (TRUE + FALSE), the measure; null when nothing was decided.</summary>
    public static double? Precision(int truePositives, int falsePositives) =>
        truePositives + falsePositives == 0 ? null : (double)truePositives / (truePositives + falsePositives);
}
