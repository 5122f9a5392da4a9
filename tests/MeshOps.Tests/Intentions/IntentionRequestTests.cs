using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

public class IntentionRequestTests
{
    // client-eks-l7 public-api intention: deny /health, allow GET/PUT/POST/DELETE with Authorization, deny the rest.
    private static readonly IntentionEvaluator HashiCupsL7 = new([
        Given.Entry("public-api", Given.L7Source(
            "frontend",
            Given.Permission(IntentionAction.Deny, pathExact: "/health"),
            Given.Permission(IntentionAction.Allow, pathPrefix: "/", methods: ["GET", "PUT", "POST", "DELETE"], headers: [new HttpHeaderPermission("Authorization", Present: true)]),
            Given.Permission(IntentionAction.Deny, pathPrefix: "/"))),
    ]);

    private static RequestDecision Evaluate(HttpRequestAttributes request, DefaultDecision fallback = DefaultDecision.Allow) =>
        HashiCupsL7.EvaluateRequest(Given.Service("frontend"), Given.Service("public-api"), request, fallback);

    [Fact]
    public void First_matching_permission_decides_even_if_a_later_one_would_allow()
    {
        var decision = Evaluate(Given.Request("GET", "/health", ("Authorization", "Bearer x")));

        Assert.False(decision.Allowed);
        Assert.Equal((RequestDecisionReason.MatchedPermissionDeny, 0), (decision.Reason, decision.PermissionIndex));
    }

    [Fact]
    public void Request_with_authorization_header_is_allowed_by_the_second_permission()
    {
        var decision = Evaluate(Given.Request("POST", "/api?query=1", ("authorization", "Bearer x")));

        Assert.True(decision.Allowed);
        Assert.Equal((RequestDecisionReason.MatchedPermissionAllow, 1), (decision.Reason, decision.PermissionIndex));
    }

    [Fact]
    public void Anonymous_request_falls_to_the_trailing_deny()
    {
        var decision = Evaluate(Given.Request("GET", "/api"));

        Assert.False(decision.Allowed);
        Assert.Equal(2, decision.PermissionIndex);
    }

    [Fact]
    public void Request_matching_no_permission_gets_the_default_decision()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.L7Source("web", Given.Permission(IntentionAction.Allow, pathPrefix: "/v1"))),
            Given.Entry("api", Given.Source("*", IntentionAction.Allow)),
        ]);

        var decision = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/v2"), DefaultDecision.Deny);

        Assert.False(decision.Allowed);
        Assert.Equal(RequestDecisionReason.NoPermissionMatched, decision.Reason);
        Assert.Null(decision.PermissionIndex);
    }

    [Fact]
    public void L4_intention_decides_requests_without_looking_at_them()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("api", Given.Source("web", IntentionAction.Deny))]);

        var decision = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/"), DefaultDecision.Allow);

        Assert.Equal((false, RequestDecisionReason.MatchedL4Deny), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void No_intention_gives_the_default()
    {
        var decision = HashiCupsL7.EvaluateRequest(Given.Service("nginx"), Given.Service("public-api"), Given.Request("GET", "/"), DefaultDecision.Deny);

        Assert.Equal((false, RequestDecisionReason.DefaultDeny), (decision.Allowed, decision.Reason));
    }

    [Theory]
    [InlineData("/api/v1/items", true)]
    [InlineData("/api/v1/items/extra", false)]
    [InlineData("/xapi/v1/items", false)]
    public void Path_regex_must_match_the_whole_path(string path, bool expected)
    {
        var http = new HttpPermission(null, null, "/api/v[0-9]+/items", [], []);

        Assert.Equal(expected, HttpPermissionMatcher.Matches(http, Given.Request("GET", path)));
    }

    [Fact]
    public void Methods_are_compared_after_upper_casing_the_intention()
    {
        var http = new HttpPermission(null, "/", null, ["get"], []);

        Assert.True(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/")));
        Assert.False(HttpPermissionMatcher.Matches(http, Given.Request("POST", "/")));
    }

    [Theory]
    [InlineData("exact", "v1", true)]
    [InlineData("exact", "V1", false)]
    [InlineData("exactIgnoreCase", "V1", true)]
    [InlineData("prefix", "v1-beta", true)]
    [InlineData("prefix", "beta-v1", false)]
    [InlineData("suffix", "beta-v1", true)]
    [InlineData("suffix", "v1-beta", false)]
    [InlineData("contains", "x-v1-y", true)]
    [InlineData("contains", "v1-beta", true)]
    [InlineData("contains", "v2", false)]
    [InlineData("regex", "v12", true)]
    [InlineData("regex", "xv12", false)]
    [InlineData("regex", "V12", false)]
    [InlineData("invertExact", "v2", true)]
    [InlineData("invertExact", "v1", false)]
    public void Header_matchers_follow_envoy(string kind, string value, bool expected)
    {
        var header = kind switch
        {
            "exact" => new HttpHeaderPermission("x-version", Exact: "v1"),
            "exactIgnoreCase" => new HttpHeaderPermission("x-version", Exact: "v1", IgnoreCase: true),
            "prefix" => new HttpHeaderPermission("x-version", Prefix: "v1"),
            "suffix" => new HttpHeaderPermission("x-version", Suffix: "v1"),
            "contains" => new HttpHeaderPermission("x-version", Contains: "v1"),
            "regex" => new HttpHeaderPermission("x-version", Regex: "v[0-9]+"),
            _ => new HttpHeaderPermission("x-version", Exact: "v1", Invert: true),
        };

        Assert.Equal(expected, HttpPermissionMatcher.HeaderMatches(header, new Dictionary<string, string> { ["X-Version"] = value }));
    }

    [Fact]
    public void Absent_header_only_satisfies_an_inverted_present_matcher()
    {
        var none = new Dictionary<string, string>();

        Assert.False(HttpPermissionMatcher.HeaderMatches(new HttpHeaderPermission("Authorization", Present: true), none));
        Assert.True(HttpPermissionMatcher.HeaderMatches(new HttpHeaderPermission("Authorization", Present: true, Invert: true), none));
        Assert.False(HttpPermissionMatcher.HeaderMatches(new HttpHeaderPermission("Authorization", Exact: "x", Invert: true), none));
    }

    [Fact]
    public void Invalid_regex_never_matches()
    {
        var http = new HttpPermission(null, null, "([", [], []);

        Assert.False(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/")));
    }

    [Fact]
    public void Header_spelled_exactly_as_in_the_permission_is_found()
    {
        var headers = new Dictionary<string, string> { ["x-version"] = "v1" };

        Assert.True(HttpPermissionMatcher.HeaderMatches(new HttpHeaderPermission("x-version", Present: true), headers));
        Assert.True(HttpPermissionMatcher.HeaderMatches(new HttpHeaderPermission("x-version", Exact: "v1"), headers));
    }

    [Fact]
    public void Path_regex_is_case_sensitive()
    {
        var http = new HttpPermission(null, null, "/api/.*", [], []);

        Assert.True(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/api/items")));
        Assert.False(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/API/items")));
    }

    [Fact]
    public void Exact_path_ignores_the_query_string()
    {
        var http = new HttpPermission("/health", null, null, [], []);

        Assert.True(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/health?verbose=1")));
        Assert.False(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/healthz?verbose=1")));
    }

    [Fact]
    public void Jwt_only_permission_matches_every_request()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("api", Given.L7Source("web", new IntentionPermission(IntentionAction.Deny, null))),
        ]);

        var decision = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("DELETE", "/anything"), DefaultDecision.Allow);

        Assert.True(HttpPermissionMatcher.Matches(null, Given.Request("GET", "/")));
        Assert.Equal((false, RequestDecisionReason.MatchedPermissionDeny, 0), (decision.Allowed, decision.Reason, decision.PermissionIndex));
    }

    [Fact]
    public void Regex_that_backtracks_past_the_timeout_does_not_match()
    {
        // RE2 answers "no match" in linear time; .NET gives up after the timeout, which must not count as a match.
        var http = new HttpPermission(null, null, "/(a|aa)+", [], []);

        Assert.False(HttpPermissionMatcher.Matches(http, Given.Request("GET", "/" + new string('a', 64) + "!")));
    }

    [Fact]
    public void No_intention_with_a_default_allow_gives_default_allow()
    {
        var decision = HashiCupsL7.EvaluateRequest(Given.Service("nginx"), Given.Service("public-api"), Given.Request("GET", "/"), DefaultDecision.Allow);

        Assert.Equal((true, RequestDecisionReason.DefaultAllow), (decision.Allowed, decision.Reason));
    }

    [Fact]
    public void Explanation_names_the_default_decision_that_applied()
    {
        var denied = HashiCupsL7.EvaluateRequest(Given.Service("nginx"), Given.Service("public-api"), Given.Request("GET", "/"), DefaultDecision.Deny);
        var allowed = HashiCupsL7.EvaluateRequest(Given.Service("nginx"), Given.Service("public-api"), Given.Request("GET", "/"), DefaultDecision.Allow);

        Assert.EndsWith("the default decision is deny.", denied.Explanation);
        Assert.EndsWith("the default decision is allow.", allowed.Explanation);
    }

    [Fact]
    public void L4_allow_decides_requests_as_matched_L4_allow()
    {
        var evaluator = new IntentionEvaluator([Given.Entry("api", Given.Source("web", IntentionAction.Allow))]);

        var decision = evaluator.EvaluateRequest(Given.Service("web"), Given.Service("api"), Given.Request("GET", "/"), DefaultDecision.Deny);

        Assert.Equal((true, RequestDecisionReason.MatchedL4Allow), (decision.Allowed, decision.Reason));
    }
}
