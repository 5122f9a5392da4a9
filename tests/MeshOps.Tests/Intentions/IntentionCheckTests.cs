using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

public class IntentionCheckTests
{
    [Fact]
    public void Exact_source_beats_wildcard_source_at_same_destination()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("db", Given.Source("*", IntentionAction.Deny), Given.Source("web", IntentionAction.Allow)),
        ]);

        var decision = evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny);

        Assert.True(decision.Allowed);
        Assert.Equal(DecisionReason.MatchedL4Allow, decision.Reason);
        Assert.Equal(9, decision.Precedence);
        Assert.Equal(1, decision.Match!.SourceIndex);
        Assert.Equal("tag:db", decision.Match.Origin);
    }

    [Fact]
    public void Exact_destination_beats_wildcard_destination_even_with_wildcard_source()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("*", Given.Source("web", IntentionAction.Deny)),
            Given.Entry("db", Given.Source("*", IntentionAction.Allow)),
        ]);

        var decision = evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny);

        Assert.True(decision.Allowed);
        Assert.Equal(8, decision.Precedence);
        Assert.Equal(1, decision.Match!.EntryIndex);
    }

    [Fact]
    public void Deny_wins_over_allow_at_equal_precedence()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("db", Given.Source("web", IntentionAction.Allow)),
            Given.Entry("db", Given.Source("web", IntentionAction.Deny)),
        ]);

        var decision = evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Allow);

        Assert.False(decision.Allowed);
        Assert.Equal(DecisionReason.MatchedL4Deny, decision.Reason);
        Assert.Equal(1, decision.Match!.EntryIndex);
    }

    [Fact]
    public void No_match_falls_back_to_the_default_the_caller_passes()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("db", Given.Source("web", IntentionAction.Allow))]);

        var denied = evaluator.Check(Given.Service("api"), Given.Service("db"), DefaultDecision.Deny);
        var allowed = evaluator.Check(Given.Service("api"), Given.Service("db"), DefaultDecision.Allow);

        Assert.Equal((false, DecisionReason.DefaultDeny, 0), (denied.Allowed, denied.Reason, denied.Precedence));
        Assert.Null(denied.Match);
        Assert.Equal((true, DecisionReason.DefaultAllow), (allowed.Allowed, allowed.Reason));
    }

    [Fact]
    public void Deny_all_intention_denies_pairs_without_their_own_allow()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("products-api", Given.Source("public-api", IntentionAction.Allow)),
            Given.Entry("*", Given.Source("*", IntentionAction.Deny)),
        ]);

        var stray = evaluator.Check(Given.Service("frontend"), Given.Service("postgres"), DefaultDecision.Allow);
        var allowed = evaluator.Check(Given.Service("public-api"), Given.Service("products-api"), DefaultDecision.Allow);

        Assert.False(stray.Allowed);
        Assert.Equal(5, stray.Precedence);
        Assert.Equal(1, stray.Match!.EntryIndex);
        Assert.True(allowed.Allowed);
    }

    [Fact]
    public void FindDenyAll_points_at_the_star_to_star_deny()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("payments", Given.Source("public-api", IntentionAction.Allow)),
            Given.Entry("*", Given.Source("*", IntentionAction.Deny)),
        ]);

        var denyAll = evaluator.FindDenyAll();

        Assert.NotNull(denyAll);
        Assert.Equal((1, 0), (denyAll.EntryIndex, denyAll.SourceIndex));
        Assert.Equal("tag:*", denyAll.Origin);
    }

    [Fact]
    public void FindDenyAll_ignores_star_to_star_allow_and_named_destinations()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("*", Given.Source("*", IntentionAction.Allow)),
            Given.Entry("db", Given.Source("*", IntentionAction.Deny)),
        ]);

        Assert.Null(evaluator.FindDenyAll());
    }

    [Fact]
    public void L7_intention_is_reported_as_deny_at_L4_and_flagged()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("public-api", Given.L7Source("frontend", Given.Permission(IntentionAction.Allow, pathPrefix: "/"))),
        ]);

        var decision = evaluator.Check(Given.Service("frontend"), Given.Service("public-api"), DefaultDecision.Allow);

        Assert.False(decision.Allowed);
        Assert.True(decision.IsL7);
        Assert.Equal(DecisionReason.MatchedL7, decision.Reason);
        Assert.Contains("L7", decision.Explanation);
    }

    [Fact]
    public void Source_in_other_namespace_does_not_match_exact_namespace_intention()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("db", Given.Source("web", IntentionAction.Allow))]);

        var decision = evaluator.Check(Given.Service("web", "shop"), Given.Service("db"), DefaultDecision.Deny);

        Assert.Equal(DecisionReason.DefaultDeny, decision.Reason);
    }

    [Fact]
    public void Source_without_namespace_inherits_the_destination_namespace()
    {
        var entry = new IntentionEntry("db", "shop", [Given.Source("web", IntentionAction.Allow, ns: "")], null);
        var evaluator = new IntentionEvaluator([entry]);

        Assert.True(evaluator.Check(Given.Service("web", "shop"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
        Assert.False(evaluator.Check(Given.Service("web"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
    }

    [Fact]
    public void Wildcard_namespace_source_matches_any_namespace()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("db", Given.Source("*", IntentionAction.Allow, ns: "*"))]);

        var decision = evaluator.Check(Given.Service("web", "shop"), Given.Service("db"), DefaultDecision.Deny);

        Assert.True(decision.Allowed);
        Assert.Equal(7, decision.Precedence);
    }

    [Fact]
    public void Peered_source_matches_only_callers_from_that_peer()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("db", Given.Source("web", IntentionAction.Allow, peer: "east"))]);

        Assert.True(evaluator.Check(new ServiceIdentity("default", "web", Peer: "east"), Given.Service("db"), DefaultDecision.Deny).Allowed);
        Assert.False(evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny).Allowed);
    }

    [Fact]
    public void Partition_must_match_exactly_and_defaults_to_default()
    {
        var entry = new IntentionEntry("db", "default", [Given.Source("web", IntentionAction.Allow, partition: "team-a")], null);
        var evaluator = new IntentionEvaluator([entry]);

        Assert.False(evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny).Allowed);
        Assert.True(evaluator.Check(new ServiceIdentity("default", "web", Partition: "team-a"), Given.Service("db"), DefaultDecision.Deny).Allowed);
    }

    [Fact]
    public void Destination_in_another_partition_is_not_matched()
    {
        var entry = new IntentionEntry("db", "default", [Given.Source("web", IntentionAction.Allow)], null) { DestinationPartition = "team-a" };
        var evaluator = new IntentionEvaluator([entry]);

        Assert.Equal(DecisionReason.DefaultDeny, evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny).Reason);
    }

    [Fact]
    public void Partial_wildcard_is_not_a_glob()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("we*", Given.Source("*", IntentionAction.Allow))]);

        Assert.Equal(DecisionReason.DefaultDeny, evaluator.Check(Given.Service("api"), Given.Service("web"), DefaultDecision.Deny).Reason);
    }

    [Fact]
    public void Sameness_group_source_never_matches_offline()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("db", Given.Source("web", IntentionAction.Allow, samenessGroup: "group"))]);

        Assert.Equal(DecisionReason.DefaultDeny, evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny).Reason);
    }

    [Fact]
    public void Match_lists_every_applicable_intention_in_evaluation_order()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("*", Given.Source("*", IntentionAction.Deny)),
            Given.Entry("db", Given.Source("*", IntentionAction.Allow), Given.Source("web", IntentionAction.Deny), Given.Source("other", IntentionAction.Allow)),
        ]);

        var matches = evaluator.Match(Given.Service("web"), Given.Service("db"));

        Assert.Equal([9, 8, 5], matches.Select(m => m.Precedence));
        Assert.Equal("default/web => default/db (deny, precedence 9)", matches[0].ToString());
    }

    [Fact]
    public void Check_stays_correct_over_thousands_of_intentions()
    {
        var entries = Enumerable.Range(0, 5000)
            .Select(i => Given.Entry("svc-" + i, Given.Source("caller-" + i, IntentionAction.Allow), Given.Source("*", IntentionAction.Deny)))
            .Append(Given.Entry("*", Given.Source("*", IntentionAction.Deny)))
            .ToList();
        var evaluator = new IntentionEvaluator(entries);

        for (var i = 0; i < 5000; i += 97)
        {
            Assert.True(evaluator.Check(Given.Service("caller-" + i), Given.Service("svc-" + i), DefaultDecision.Deny).Allowed);
            var wrongCaller = evaluator.Check(Given.Service("caller-" + (i + 1)), Given.Service("svc-" + i), DefaultDecision.Allow);
            Assert.Equal((false, 8, i), (wrongCaller.Allowed, wrongCaller.Precedence, wrongCaller.Match!.EntryIndex));
        }
    }

    [Fact]
    public void Destination_in_another_partition_is_not_matched_even_when_the_source_names_the_callers_partition()
    {
        var entry = new IntentionEntry("db", "default", [Given.Source("web", IntentionAction.Allow, partition: "default")], null) { DestinationPartition = "team-a" };
        var evaluator = new IntentionEvaluator([entry]);

        Assert.Equal(DecisionReason.DefaultDeny, evaluator.Check(Given.Service("web"), Given.Service("db"), DefaultDecision.Deny).Reason);
    }

    [Fact]
    public void Destination_must_match_on_both_namespace_and_name()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow));

        Assert.False(IntentionMatching.DestinationMatches(entry, Given.Service("api")));
        Assert.False(IntentionMatching.DestinationMatches(entry, Given.Service("db", "shop")));
        Assert.True(IntentionMatching.DestinationMatches(entry, Given.Service("db")));
    }

    [Fact]
    public void Source_must_match_on_both_namespace_and_name()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow));

        Assert.False(IntentionMatching.SourceMatches(entry, entry.Sources[0], Given.Service("api")));
        Assert.False(IntentionMatching.SourceMatches(entry, entry.Sources[0], Given.Service("web", "shop")));
        Assert.True(IntentionMatching.SourceMatches(entry, entry.Sources[0], Given.Service("web")));
    }

    [Fact]
    public void Peered_source_without_namespace_is_in_default_not_the_destination_namespace()
    {
        var entry = new IntentionEntry("db", "shop", [Given.Source("web", IntentionAction.Allow, ns: "", peer: "east")], null);
        var evaluator = new IntentionEvaluator([entry]);

        Assert.Equal("default", IntentionMatching.EffectiveSourceNamespace(entry, entry.Sources[0]));
        Assert.True(evaluator.Check(new ServiceIdentity("default", "web", Peer: "east"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
        Assert.False(evaluator.Check(new ServiceIdentity("shop", "web", Peer: "east"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
    }

    [Fact]
    public void Source_without_namespace_does_not_inherit_a_wildcard_destination_namespace()
    {
        var entry = new IntentionEntry("*", "*", [Given.Source("web", IntentionAction.Allow, ns: "")], null);
        var evaluator = new IntentionEvaluator([entry]);

        Assert.Equal("default", IntentionMatching.EffectiveSourceNamespace(entry, entry.Sources[0]));
        Assert.True(evaluator.Check(Given.Service("web"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
        Assert.False(evaluator.Check(Given.Service("web", "shop"), Given.Service("db", "shop"), DefaultDecision.Deny).Allowed);
    }
}
