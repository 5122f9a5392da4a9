using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>
/// Where an L7 intention (sources[].permissions) sits among matching intentions: precedence first, and at equal
/// precedence after an L4 deny but before an L4 allow, so an allow never hides the L7 permissions.
/// </summary>
public class IntentionOrderingTests
{
    private static readonly IntentionSource L7Web =
        Given.L7Source("web", Given.Permission(IntentionAction.Allow, pathPrefix: "/v1"));

    [Fact]
    public void An_L7_intention_decides_before_an_L4_allow_of_equal_precedence()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.Source("web", IntentionAction.Allow)),
            Given.Entry("api", L7Web),
        ]);

        var check = evaluator.Check(Given.Service("web"), Given.Service("api"), DefaultDecision.Allow);
        var request = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/v2"), DefaultDecision.Deny);

        Assert.Equal((false, DecisionReason.MatchedL7, 9, 1), (check.Allowed, check.Reason, check.Precedence, check.Match!.EntryIndex));
        Assert.Equal((false, RequestDecisionReason.NoPermissionMatched, 1), (request.Allowed, request.Reason, request.Match!.EntryIndex));
    }

    [Fact]
    public void An_L4_deny_decides_before_an_L7_intention_of_equal_precedence()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", L7Web),
            Given.Entry("api", Given.Source("web", IntentionAction.Deny)),
        ]);

        var request = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/v1/items"), DefaultDecision.Allow);

        Assert.Equal((false, RequestDecisionReason.MatchedL4Deny, 1), (request.Allowed, request.Reason, request.Match!.EntryIndex));
    }

    [Fact]
    public void Match_lists_deny_then_L7_then_allow_at_equal_precedence()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.Source("web", IntentionAction.Allow)),
            Given.Entry("api", L7Web),
            Given.Entry("api", Given.Source("web", IntentionAction.Deny)),
        ]);

        var order = evaluator.Match(Given.Service("web"), Given.Service("api")).Select(m => m.EntryIndex);

        Assert.Equal([2, 1, 0], order);
    }

    [Fact]
    public void A_more_precise_L4_allow_beats_a_wildcard_L7_intention()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.L7Source("*", Given.Permission(IntentionAction.Deny, pathPrefix: "/"))),
            Given.Entry("api", Given.Source("web", IntentionAction.Allow)),
        ]);

        var request = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/v1"), DefaultDecision.Deny);

        Assert.Equal((true, RequestDecisionReason.MatchedL4Allow, 9), (request.Allowed, request.Reason, request.Match!.Precedence));
    }

    [Fact]
    public void Duplicate_entries_for_one_destination_are_tried_in_input_order()
    {
        // Consul keeps one ServiceIntentions per destination; with two manifests for it, the earlier one decides.
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.Source("other", IntentionAction.Allow), Given.Source("web", IntentionAction.Allow)),
            Given.Entry("api", Given.Source("web", IntentionAction.Allow)),
        ]);

        var check = evaluator.Check(Given.Service("web"), Given.Service("api"), DefaultDecision.Deny);
        var order = evaluator.Match(Given.Service("web"), Given.Service("api")).Select(m => (m.EntryIndex, m.SourceIndex));

        Assert.Equal((0, 1), (check.Match!.EntryIndex, check.Match.SourceIndex));
        Assert.Equal([(0, 1), (1, 0)], order);
    }
}
