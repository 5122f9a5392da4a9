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
    [InlineData("suffix", "beta-v1", true)]
    [InlineData("contains", "x-v1-y", true)]
    [InlineData("regex", "v12", true)]
    [InlineData("regex", "xv12", false)]
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
}
