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
                // Issue 9: "each true one is still reported with its rule". A fix may move the finding to the object
                // that better explains it (MESH206 now points at an explicit * -> * allow rather than any intention).
                Assert.True(matching.Count > 0 || Oracle.Run(row.SetFolder).Findings.Any(f => f.RuleId == row.RuleId),
                    $"The expert judged this finding TRUE ({row.Reason}), but {row.RuleId} on {row.Resource} in {row.File} is no longer reported. "
                    + $"{row.RuleId} findings on the set now:\n{List(Oracle.Run(row.SetFolder).Findings.Where(f => f.RuleId == row.RuleId))}");
                break;
            case Verdict.False:
                // An Info finding is a note that fails no build and claims no fault (issue 9 allows MESH107 "at most
                // informational" for a client-only pod); a Warning or Error is the claim the expert judged false.
                var claims = matching.Where(f => f.Severity >= Severity.Warning).ToList();
                Assert.True(claims.Count == 0,
                    $"The expert judged this finding FALSE ({row.Reason}), and it is still reported:\n{List(claims)}");
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
