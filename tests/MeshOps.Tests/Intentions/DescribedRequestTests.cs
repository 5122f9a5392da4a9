using MeshOps.Intentions;
using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>Which permission a request with parts left out cannot decide, and which it still can.</summary>
public class DescribedRequestTests
{
    private static readonly IntentionPermission[] Permissions =
    [
        Given.Permission(IntentionAction.Deny, pathPrefix: "/admin", methods: ["DELETE"]),
        Given.Permission(IntentionAction.Allow, pathPrefix: "/", headers: [new HttpHeaderPermission("x-role", Exact: "barista")]),
        Given.Permission(IntentionAction.Allow, pathPrefix: "/"),
    ];

    [Fact]
    public void A_permission_whose_given_criteria_fail_is_no_guess()
    {
        // /coffees fails [0]'s path whatever the method; [1] turns on the header the request does not give.
        var request = IntentionRequest.Create(null, "/coffees", ["accept=json"])! with { HeadersGiven = false };

        var undecided = request.Undecided(Permissions, decidedBy: 2);

        Assert.Equal(1, undecided?.Index);
        Assert.Equal(["headers"], undecided?.Parts);
    }

    [Fact]
    public void A_permission_whose_given_criteria_match_turns_on_the_missing_part()
    {
        var undecided = IntentionRequest.Create(null, "/admin/x", null)!.Undecided(Permissions, decidedBy: 2);

        Assert.Equal(0, undecided?.Index);
        Assert.Equal(["method"], undecided?.Parts);
    }

    [Fact]
    public void Permissions_after_the_deciding_one_are_not_tried()
    {
        var request = IntentionRequest.Create("GET", "/coffees", ["x-role=barista"])!;

        Assert.Null(request.Undecided(Permissions, decidedBy: 1));
        Assert.Null(IntentionRequest.Create("GET", "/admin", null)!.Undecided([Given.Permission(IntentionAction.Allow, pathPrefix: "/"), .. Permissions], decidedBy: 0));
    }

    [Fact]
    public void A_permission_with_no_HTTP_criteria_never_turns_on_the_request()
    {
        Assert.Null(IntentionRequest.Create("GET", null, null)!.Undecided([new IntentionPermission(IntentionAction.Allow, null)], decidedBy: 0));
    }

    [Fact]
    public void Nothing_given_is_no_request_and_a_part_left_out_is_marked_assumed()
    {
        Assert.Null(IntentionRequest.Create(null, null, []));
        Assert.Equal("GET /x (method assumed)", IntentionRequest.Create(null, "/x", null)!.ToString());
        Assert.Equal("POST / (path assumed)", IntentionRequest.Create("post", null, null)!.ToString());
        Assert.Equal("GET / a: 1 (method and path assumed)", IntentionRequest.Create(null, null, ["a=1"])!.ToString());
    }
}
