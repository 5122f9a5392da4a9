using MeshOps.Analysis.Rules;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis;

public class RuleCatalogTests
{
    [Fact]
    public void Every_catalogue_rule_has_exactly_one_runtime_implementation()
    {
        var implemented = RuleSet.All.Select(r => r.Descriptor.Id).Order(StringComparer.Ordinal);

        Assert.Equal(RuleCatalog.All.Select(r => r.Id).Order(StringComparer.Ordinal), implemented);
    }

    [Fact]
    public void Rule_ids_are_unique_and_follow_the_contract_shape()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        // 7xx is the compile-time Declaration family; 8xx the generator's CRD diagnostics; 9xx the Runtime rules that read what a cluster reports (issue 11).
        Assert.All(ids, id => Assert.Matches("^MESH[1-69][0-9]{2}$", id));
    }

    [Fact]
    public void Every_rule_words_its_message_fix_and_confirm_without_format_errors()
    {
        var args = Enumerable.Range(0, 8).Select(i => (object)$"arg{i}").ToArray();

        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.DoesNotContain("{", rule.FormatMessage(args));
            Assert.False(string.IsNullOrWhiteSpace(rule.FormatFix(args)));
            Assert.False(string.IsNullOrWhiteSpace(rule.FormatConfirm(args)));
        });
    }

    [Fact]
    public void Compile_time_rules_are_marked_kept_out_of_the_runtime_set_and_share_no_id()
    {
        var runtime = RuleCatalog.All.Select(r => r.Id).ToHashSet();

        Assert.NotEmpty(RuleCatalog.CompileTime);
        Assert.All(RuleCatalog.CompileTime, rule =>
        {
            Assert.True(rule.CompileTimeOnly, $"{rule.Id} should be marked compile-time only");
            Assert.Matches("^MESH7[0-9]{2}$", rule.Id);
            Assert.DoesNotContain(rule.Id, runtime);
            Assert.Null(RuleCatalog.Find(rule.Id));
        });
        Assert.All(RuleCatalog.All, rule => Assert.False(rule.CompileTimeOnly, $"{rule.Id} runs at runtime"));
        Assert.Equal(RuleCatalog.CompileTime.Count, RuleCatalog.CompileTime.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Compile_time_rules_word_their_message_fix_and_confirm_without_format_errors()
    {
        var args = Enumerable.Range(0, 8).Select(i => (object)$"arg{i}").ToArray();

        Assert.All(RuleCatalog.CompileTime, rule =>
        {
            Assert.DoesNotContain("{", rule.FormatMessage(args));
            Assert.False(string.IsNullOrWhiteSpace(rule.FormatFix(args)));
            Assert.False(string.IsNullOrWhiteSpace(rule.FormatConfirm(args)));
        });
    }
}
