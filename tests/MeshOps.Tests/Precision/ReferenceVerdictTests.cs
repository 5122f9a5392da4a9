namespace MeshOps.Tests.Precision;

/// <summary>
/// The same oracle over the real reference sets and the whole-repository wild run: every row of
/// REFERENCE-VERDICTS.md (beside this file) holds on today's findings.
/// </summary>
public class ReferenceVerdictTests
{
    public static TheoryData<string, string, string, string, string> Rows => Oracle.RowsOf("REFERENCE");

    [Theory]
    [MemberData(nameof(Rows))]
    public void Expert_verdict_holds(string row, string verdict, string rule, string resource, string at)
    {
        var judged = Oracle.Row("REFERENCE", row);
        Assert.Equal((judged.Verdict.Label(), judged.RuleId, judged.Resource, judged.At), (verdict, rule, resource, at));
        VerdictAssert.Holds(judged);
    }

    [Fact]
    public void Every_row_names_a_file_that_exists()
    {
        // A typo in a path would turn a FALSE row into a test that can never fail.
        var missing = Oracle.Rows.Where(row => !File.Exists(ReferenceData.Path(row.File))).Select(row => row.Key);

        Assert.Empty(missing);
    }
}
