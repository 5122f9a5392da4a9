using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>L7 permissions against requests of which only the path prefix (and maybe the method) is known.</summary>
public class KnownRequestTests
{
    private static readonly IntentionPermission AllowRootGet = Given.Permission(IntentionAction.Allow, pathExact: "/", methods: ["GET"]);
    private static readonly IntentionPermission AllowFaviconGet = Given.Permission(IntentionAction.Allow, pathExact: "/favicon.ico", methods: ["GET"]);
    private static readonly IntentionPermission AllowApi = Given.Permission(IntentionAction.Allow, pathPrefix: "/api");
    private static readonly IntentionPermission DenyAdmin = Given.Permission(IntentionAction.Deny, pathPrefix: "/admin");
    private static readonly IntentionPermission DenyAll = Given.Permission(IntentionAction.Deny, pathPrefix: "/");
    private static readonly IntentionPermission DenyPost = Given.Permission(IntentionAction.Deny, methods: ["POST"]);
    private static readonly IntentionPermission AllowWithToken =
        Given.Permission(IntentionAction.Allow, pathPrefix: "/", headers: [new HttpHeaderPermission("Authorization", Present: true)]);
    private static readonly IntentionPermission AllowRegex = Given.Permission(IntentionAction.Allow, pathRegex: "/v[0-9]+/.*");

    public static TheoryData<string, IntentionPermission[], string, string?, DefaultDecision, KnownRequestOutcome, int?> Cases => new()
    {
        // joatmon08 apps/intentions.yaml: ui sends GET / to http://web; the method is not written anywhere.
        { "allow / GET may match a request to / of unknown method", [AllowRootGet, AllowFaviconGet], "/", null, DefaultDecision.Deny, KnownRequestOutcome.Depends, 0 },
        { "a stated method the allow names is allowed only if the path may be longer", [AllowRootGet], "/", "GET", DefaultDecision.Deny, KnownRequestOutcome.Depends, 0 },
        { "a stated method no allow names falls to the default", [AllowRootGet, AllowFaviconGet], "/", "POST", DefaultDecision.Deny, KnownRequestOutcome.Denied, null },
        { "a path no allow permission can reach falls to the default deny", [AllowRootGet, AllowFaviconGet], "/admin", null, DefaultDecision.Deny, KnownRequestOutcome.Denied, null },
        { "the same falls to the default allow when ACLs are off", [AllowRootGet, AllowFaviconGet], "/admin", null, DefaultDecision.Allow, KnownRequestOutcome.Allowed, null },
        { "a prefix covering the path allows every request", [AllowApi], "/api/v1", null, DefaultDecision.Deny, KnownRequestOutcome.Allowed, 0 },
        { "a prefix below the path may match", [AllowApi], "/", null, DefaultDecision.Deny, KnownRequestOutcome.Depends, 0 },
        { "a deny covering the path decides before a later allow", [DenyAdmin, AllowWithToken], "/admin/users", null, DefaultDecision.Deny, KnownRequestOutcome.Denied, 0 },
        { "a deny that may match leaves a later allow a chance", [DenyPost, AllowApi], "/api", null, DefaultDecision.Deny, KnownRequestOutcome.Depends, 1 },
        { "a deny that may match and a default deny deny everything", [DenyPost], "/api", null, DefaultDecision.Deny, KnownRequestOutcome.Denied, null },
        { "a deny that may match and a default allow depend on the method", [DenyPost], "/api", null, DefaultDecision.Allow, KnownRequestOutcome.Depends, null },
        { "a trailing deny-all after an allow needing a header", [AllowWithToken, DenyAll], "/", "GET", DefaultDecision.Allow, KnownRequestOutcome.Depends, 0 },
        { "only deny permissions", [DenyAll], "/", null, DefaultDecision.Allow, KnownRequestOutcome.Denied, 0 },
        { "a regex may match paths below the prefix", [AllowRegex], "/", null, DefaultDecision.Deny, KnownRequestOutcome.Depends, 0 },
        { "methods compare without case", [Given.Permission(IntentionAction.Allow, methods: ["get"])], "/", "GET", DefaultDecision.Deny, KnownRequestOutcome.Allowed, 0 },
        { "a JWT-only permission may match", [new IntentionPermission(IntentionAction.Allow, null)], "/", "GET", DefaultDecision.Deny, KnownRequestOutcome.Depends, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Permissions_decide_in_order_and_only_certain_denials_are_denied(string why, IntentionPermission[] permissions, string path,
        string? method, DefaultDecision fallback, KnownRequestOutcome outcome, int? index)
    {
        var decision = KnownRequestEvaluator.Evaluate(permissions, new KnownRequest(path, method), fallback);

        Assert.True((outcome, index) == (decision.Outcome, decision.PermissionIndex), $"{why}: got {decision.Outcome} at {decision.PermissionIndex}");
        Assert.Equal(fallback == DefaultDecision.Allow, decision.DefaultAllowed);
    }

    [Theory]
    [InlineData("/", "/", PermissionMatch.Possible)]
    [InlineData("/", "/x", PermissionMatch.None)]
    [InlineData("/x", "/", PermissionMatch.Possible)]
    [InlineData("/api/items", "/api", PermissionMatch.Possible)]
    public void An_exact_path_may_match_only_paths_at_or_below_the_prefix(string exact, string prefix, PermissionMatch expected)
    {
        var http = new HttpPermission(exact, null, null, [], []);

        Assert.Equal(expected, KnownRequestEvaluator.Match(http, new KnownRequest(prefix, "GET")));
    }
}
