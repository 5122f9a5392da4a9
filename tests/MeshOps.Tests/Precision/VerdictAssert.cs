using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Precision;

/// <summary>What each verdict demands of today's findings on the row's set.</summary>
internal static class VerdictAssert
{
    public static void Holds(VerdictRow row)
    {
        var matching = Oracle.FindingsOf(row).ToList();
        switch (row.Verdict)
        {
            case Verdict.True when row.MustBeReported:
                Assert.True(matching.Count > 0,
                    $"The expert judged this finding TRUE ({row.Reason}), but {row.RuleId} on {row.Resource} in {row.File} is no longer reported. "
                    + $"{row.RuleId} findings on the set now:\n{List(Oracle.Run(row.SetFolder).Findings.Where(f => f.RuleId == row.RuleId))}");
                break;
            case Verdict.False:
                Assert.True(matching.Count == 0,
                    $"The expert judged this finding FALSE ({row.Reason}), and it is still reported:\n{List(matching)}");
                break;
            case Verdict.PartialInput:
                foreach (var finding in matching)
                {
                    Assert.True(finding.Severity < Severity.Error,
                        $"PARTIAL-INPUT ({row.Reason}): a finding that depends on input the set does not hold must be below Error:\n{List([finding])}");
                    Assert.True(Assumptions.Of(finding) is not null,
                        $"PARTIAL-INPUT ({row.Reason}): the finding must state the assumption it makes about the missing input:\n{List([finding])}");
                }

                break;
            default:
                // UNSURE, and TRUE rows kept only to judge a finding that may appear: nothing to demand.
                break;
        }
    }

    public static string List(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.RuleId} {f.Severity} {f.Resource} {Oracle.RelativeFile(f)}:{f.Line}: {f.Message}"));
}
