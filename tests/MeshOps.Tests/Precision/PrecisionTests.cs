using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace MeshOps.Tests.Precision;

/// <summary>
/// Issue 9's measure: over every Warning and Error finding on the wild and reference sets, precision
/// TRUE/(TRUE+FALSE) is at least 95 %, and no finding at Warning or above goes unjudged, so a new finding cannot
/// be added without a verdict in REFERENCE-VERDICTS.md. The summary is printed per set (bench/precision.sh shows it).
/// </summary>
public class PrecisionTests(ITestOutputHelper output)
{
    private const double Target = 0.95;

    public static TheoryData<string> Sets => new(Oracle.AllSets());

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_warning_or_error_finding_has_a_verdict(string set)
    {
        var unjudged = PrecisionTally.Of(set).Findings.Where(f => f.Verdict is null).Select(f => f.Finding).ToList();

        Assert.True(unjudged.Count == 0,
            $"{unjudged.Count} finding(s) at Warning or above have no verdict in VERDICTS.md or {Path.GetFileName(Oracle.ReferenceVerdictsFile)}; "
            + $"judge each there (set folder `{set}`):\n{VerdictAssert.List(unjudged)}");
    }

    [Fact]
    public void Precision_over_all_sets_reaches_the_target()
    {
        var tallies = Oracle.AllSets().Select(PrecisionTally.Of).Where(t => t.Findings.Count > 0).ToList();
        output.WriteLine(Summary(tallies));

        var truePositives = tallies.Sum(t => t.Count(Verdict.True));
        var falsePositives = tallies.Sum(t => t.Count(Verdict.False));
        var precision = PrecisionTally.Precision(truePositives, falsePositives) ?? 1;
        Assert.True(precision >= Target,
            $"Precision over Warning and Error findings is {precision:P0} ({truePositives} TRUE, {falsePositives} FALSE); the target is {Target:P0}.\n{Summary(tallies)}");
    }

    private static string Summary(IReadOnlyList<PrecisionTally> tallies)
    {
        var text = new StringBuilder("set | findings | TRUE | FALSE | PARTIAL | UNSURE | unjudged | precision\n");
        foreach (var tally in tallies)
        {
            Line(text, tally.Set, tally.Findings.Count, tally.Count(Verdict.True), tally.Count(Verdict.False),
                tally.Count(Verdict.PartialInput), tally.Count(Verdict.Unsure), tally.Unjudged);
        }

        foreach (var (name, group) in new[] { ("wild sets (VERDICTS.md and R18)", true), ("reference sets", false) })
        {
            var part = tallies.Where(t => t.Set.StartsWith("wild/", StringComparison.Ordinal) == group).ToList();
            Line(text, $"subtotal {name}", part.Sum(t => t.Findings.Count), part.Sum(t => t.Count(Verdict.True)), part.Sum(t => t.Count(Verdict.False)),
                part.Sum(t => t.Count(Verdict.PartialInput)), part.Sum(t => t.Count(Verdict.Unsure)), part.Sum(t => t.Unjudged));
        }

        Line(text, "TOTAL", tallies.Sum(t => t.Findings.Count), tallies.Sum(t => t.Count(Verdict.True)), tallies.Sum(t => t.Count(Verdict.False)),
            tallies.Sum(t => t.Count(Verdict.PartialInput)), tallies.Sum(t => t.Count(Verdict.Unsure)), tallies.Sum(t => t.Unjudged));
        return text.ToString();
    }

    private static void Line(StringBuilder text, string set, int findings, int truePositives, int falsePositives, int partial, int unsure, int unjudged)
    {
        var precision = PrecisionTally.Precision(truePositives, falsePositives);
        text.Append(CultureInfo.InvariantCulture,
            $"{set} | {findings} | {truePositives} | {falsePositives} | {partial} | {unsure} | {unjudged} | {(precision is { } p ? p.ToString("P0", CultureInfo.InvariantCulture) : "-")}\n");
    }
}
