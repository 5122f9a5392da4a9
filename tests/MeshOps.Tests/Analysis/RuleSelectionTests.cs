using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis;

/// <summary>Rule IDs as users type them: any case accepted, a typo refused before anything is read.</summary>
public class RuleSelectionTests
{
    [Fact]
    public void Ids_in_any_case_are_spelled_as_the_catalogue_spells_them()
    {
        Assert.Equal(["MESH101", "MESH601"], RuleSelection.Parse(["mesh101", "Mesh601"]));
    }

    [Fact]
    public void No_ids_select_nothing_and_are_not_an_error()
    {
        Assert.Empty(RuleSelection.Parse([]));
    }

    [Fact]
    public void An_unknown_id_is_an_argument_error_naming_it_in_capitals_and_every_known_rule()
    {
        var unknown = Assert.Throws<UnknownRuleException>(() => RuleSelection.Parse(["MESH101", "mesh999", "also-unknown"]));

        Assert.IsAssignableFrom<ArgumentException>(unknown);
        Assert.Equal("MESH999", unknown.RuleId);
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), unknown.KnownRuleIds);
        // The module shows this message as it is (Test-MeshConfig -Rule MESH999).
        Assert.Equal($"Unknown rule id 'MESH999'. Known rules: {string.Join(", ", RuleCatalog.All.Select(r => r.Id))}.", unknown.Message);
    }

    [Fact]
    public void A_compile_time_rule_is_unknown_to_the_analyzer()
    {
        // The compiler reports these; the analyzer never would, so selecting one would select nothing.
        var compileTime = RuleCatalog.CompileTime[0].Id;

        Assert.Equal(compileTime, Assert.Throws<UnknownRuleException>(() => RuleSelection.Parse([compileTime])).RuleId);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_analyzer_refuses_an_unknown_id_in_the_options_rather_than_run_no_rule(bool include)
    {
        var options = include ? new AnalysisOptions { IncludeRules = ["MESH1O1"] } : new AnalysisOptions { ExcludeRules = ["MESH1O1"] };

        Assert.Equal("MESH1O1", Assert.Throws<UnknownRuleException>(() => MeshAnalyzer.Analyze(ManifestSet.Empty, options)).RuleId);
    }

    [Fact]
    public void The_analyzer_stops_when_its_token_is_cancelled()
    {
        var manifests = ManifestLoader.LoadText(new TestMesh().Service("api").Workload("api").ToString(), "<test>");

        Assert.ThrowsAny<OperationCanceledException>(() => { MeshAnalyzer.Analyze(manifests, cancellationToken: new CancellationToken(canceled: true)); });
    }
}
