using MeshOps.Analysis;

namespace MeshOps.Tests.Analysis;

public class HashiCupsExampleTests
{
    public static TheoryData<string> Faults => new(HashiCupsExample.FaultNames);

    [Fact]
    public void Healthy_HashiCups_has_no_findings_and_loads_cleanly()
    {
        var report = HashiCupsExample.Analyze();

        Assert.Empty(report.LoadErrors);
        Assert.Empty(report.Findings);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_seeded_fault_yields_its_rule_and_nothing_else(string fault)
    {
        var expectedRule = fault[..7];

        var report = HashiCupsExample.Analyze(fault);

        Assert.Empty(report.LoadErrors);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(expectedRule, finding.RuleId);
        Assert.EndsWith(".yaml", finding.File);
        Assert.True(File.Exists(finding.File), $"{finding.File} should be the manifest the finding is in");
        Assert.True(finding.Line > 1, $"{finding} should point at the offending line, not the file start");
        Assert.False(string.IsNullOrWhiteSpace(finding.Fix));
        Assert.False(string.IsNullOrWhiteSpace(finding.Confirm));
    }

    [Fact]
    public void Every_rule_in_the_catalogue_has_a_seeded_fault()
    {
        var seeded = HashiCupsExample.FaultNames.Select(f => f[..7]).ToHashSet();

        var missing = Rules.Catalog.RuleCatalog.All.Select(r => r.Id).Where(id => !seeded.Contains(id)).ToList();

        Assert.Empty(missing);
    }
}
