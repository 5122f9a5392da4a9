using MeshOps.Analysis;
using MeshOps.Analysis.Rules;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;

namespace MeshOps.Tests.Analysis;

/// <summary>
/// A finding that rests on an assumption about what the inputs lack says so (its Assumption, and "Assumed: ..." at the
/// end of its message) and is never an Error on that alone.
/// </summary>
public class FindingAssumptionTests
{
    private static readonly ManifestResource Subject = new()
    {
        ApiVersion = "apps/v1", Kind = "Deployment", Name = "web", Location = new SourceLocation("web.yaml", 3, 1),
    };

    private static readonly object[] Args = ["web", "default", "api", "env API_URL of container web", ""];

    [Fact]
    public void An_error_that_rests_on_an_assumption_becomes_a_warning_that_states_it()
    {
        var finding = MeshAnalyzer.ToFinding(new RuleHit(RuleCatalog.UnknownCallTarget, Subject, Subject.Location, Args, [],
            Assumption: "api is installed by no chart"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal("api is installed by no chart", finding.Assumption);
        Assert.EndsWith(" Assumed: api is installed by no chart", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_assumption_the_rule_severity_and_message_stand()
    {
        var finding = MeshAnalyzer.ToFinding(new RuleHit(RuleCatalog.UnknownCallTarget, Subject, Subject.Location, Args, []));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Null(finding.Assumption);
        Assert.DoesNotContain("Assumed:", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_info_that_states_an_assumption_stays_info()
    {
        var finding = MeshAnalyzer.ToFinding(new RuleHit(RuleCatalog.UnknownCallTarget, Subject, Subject.Location, Args, [],
            Severity.Info, "anything"));

        Assert.Equal(Severity.Info, finding.Severity);
    }

    [Fact]
    public void An_assumption_is_masked_like_the_rest_of_the_finding()
    {
        var finding = MeshAnalyzer.ToFinding(new RuleHit(RuleCatalog.UnknownCallTarget, Subject, Subject.Location, Args, [],
            Assumption: "the URL postgres://app:hunter2@db/app is correct"));
        var copied = finding with { Assumption = "copy password=hunter2" };

        Assert.DoesNotContain("hunter2", finding.Assumption, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", copied.Assumption, StringComparison.Ordinal);
    }
}
