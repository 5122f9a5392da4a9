using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Tests.Authoring;

public class IntentionComposerTests
{
    [Fact]
    public void An_L4_request_is_one_source_per_name_with_its_action()
    {
        var intentions = IntentionComposer.Compose(new IntentionRequest("products-api", ["public-api", "frontend"]) { Action = IntentionAction.Allow, Description = "reads" });

        Assert.Equal("products-api", intentions.Metadata.Name);
        Assert.Equal("products-api", intentions.Spec.Destination!.Name);
        Assert.Equal(["public-api", "frontend"], intentions.Spec.Sources!.Select(s => s.Name));
        Assert.All(intentions.Spec.Sources!, s => Assert.Equal(IntentionAction.Allow, s.Action));
        Assert.All(intentions.Spec.Sources!, s => Assert.Null(s.Permissions));
        Assert.All(intentions.Spec.Sources!, s => Assert.Equal("reads", s.Description));
    }

    [Fact]
    public void An_L7_request_has_one_permission_and_no_action()
    {
        var intentions = IntentionComposer.Compose(new IntentionRequest("products-api", ["public-api"])
        {
            PermissionAction = IntentionAction.Allow,
            Http = h => h.PathPrefix("/coffees").Methods(HttpMethod.Get).Header("x-tenant", x => x.Exact("a")),
        });

        var source = Assert.Single(intentions.Spec.Sources!);
        Assert.Null(source.Action);
        var permission = Assert.Single(source.Permissions!);
        Assert.Equal(IntentionAction.Allow, permission.Action);
        Assert.Equal("/coffees", permission.Http!.PathPrefix);
        Assert.Equal([ServiceIntentionsHttpMethod.Get], permission.Http.Methods!);
        Assert.Equal("a", Assert.Single(permission.Http.Header!).Exact);
    }

    public static TheoryData<IntentionRequest, string> Refused => new()
    {
        { new("api", ["web"]) { Action = IntentionAction.Allow, PermissionAction = IntentionAction.Allow, Http = h => h.PathPrefix("/") }, "Sources[0].Action must be omitted if Permissions are specified" },
        { new("api", ["web"]), "Sources[0].Action must be set to 'allow' or 'deny'" },
        { new("api", ["web"]) { Http = h => h.PathPrefix("/") }, "Sources[0].Permissions[0].Action must be set to 'allow' or 'deny'" },
        { new("api", ["web"]) { PermissionAction = IntentionAction.Deny }, "Sources[0].Permissions[0].HTTP is required" },
        { new("api", ["web"]) { PermissionAction = IntentionAction.Deny, Http = h => h.PathExact("/a").PathPrefix("/b") }, "Sources[0].Permissions[0].HTTP should only contain at most one of PathExact, PathPrefix, or PathRegex" },
        { new("api", ["web"]) { PermissionAction = IntentionAction.Deny, Http = h => h.PathPrefix("api") }, "Sources[0].Permissions[0].HTTP.PathPrefix doesn't start with '/': \"api\"" },
        { new("api", ["web"]) { PermissionAction = IntentionAction.Deny, Http = _ => { } }, "Sources[0].Permissions[0].HTTP should not be empty" },
        { new("*", ["web"]) { PermissionAction = IntentionAction.Deny, Http = h => h.PathPrefix("/") }, "Sources[0].Permissions cannot be specified on intentions with wildcarded destinations" },
        { new("api", ["web", "web"]) { Action = IntentionAction.Allow }, "Sources[1] defines \"web\" more than once" },
        { new("api", ["we*"]) { Action = IntentionAction.Allow }, "Sources[0].Name: wildcard character '*' cannot be used with partial values" },
        { new("api", ["web"]) { Action = IntentionAction.Allow, Description = new string('d', 513) }, "Sources[0].Description exceeds maximum length 512" },
        { new("api", []) { Action = IntentionAction.Allow }, "At least one source is required" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_Consul_refuses_fails_with_Consuls_message(IntentionRequest request, string message)
    {
        var error = Assert.Throws<InvalidIntentionException>(() => IntentionComposer.Compose(request));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_of_512_characters_is_accepted()
    {
        var intentions = IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Allow, Description = new string('d', 512) });

        Assert.Equal(512, Assert.Single(intentions.Spec.Sources!).Description!.Length);
    }

    [Fact]
    public void Composing_into_an_entry_adds_after_its_sources_and_leaves_it_unchanged()
    {
        var first = IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Allow });

        var both = IntentionComposer.Compose(new IntentionRequest("api", ["admin"]) { Action = IntentionAction.Deny }, first);

        Assert.Equal(["web", "admin"], both.Spec.Sources!.Select(s => s.Name));
        Assert.Equal(["web"], first.Spec.Sources!.Select(s => s.Name));
    }

    [Fact]
    public void A_source_the_entry_already_has_is_refused_with_its_index()
    {
        var first = IntentionComposer.Compose(new IntentionRequest("api", ["web", "admin"]) { Action = IntentionAction.Allow });

        var error = Assert.Throws<InvalidIntentionException>(() => IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Deny }, first));

        Assert.Equal("Sources[2] defines \"web\" more than once", error.Message);
    }

    [Fact]
    public void Merging_two_entries_of_one_destination_keeps_every_source_in_order()
    {
        var first = IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Allow });
        var second = IntentionComposer.Compose(new IntentionRequest("api", ["admin"]) { PermissionAction = IntentionAction.Allow, Http = h => h.PathPrefix("/admin") });

        var merged = IntentionComposer.Merge(first, second);

        Assert.Equal(["web", "admin"], merged.Spec.Sources!.Select(s => s.Name));
        Assert.Equal("/admin", merged.Spec.Sources![1].Permissions![0].Http!.PathPrefix);
        Assert.Single(first.Spec.Sources!);
    }

    [Fact]
    public void Entries_of_other_destinations_or_namespaces_are_not_one_destination()
    {
        var api = IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Allow });
        var db = IntentionComposer.Compose(new IntentionRequest("db", ["web"]) { Action = IntentionAction.Allow });
        var apiElsewhere = IntentionComposer.Compose(new IntentionRequest("api", ["web"]) { Action = IntentionAction.Allow });
        apiElsewhere.Spec.Destination!.Namespace = "shop";
        var apiInDefault = IntentionComposer.Compose(new IntentionRequest("api", ["admin"]) { Action = IntentionAction.Allow });
        apiInDefault.Spec.Destination!.Namespace = "default";

        Assert.False(IntentionComposer.SameDestination(api, db));
        Assert.False(IntentionComposer.SameDestination(api, apiElsewhere));
        Assert.True(IntentionComposer.SameDestination(api, apiInDefault));
        Assert.Throws<ArgumentException>(() => IntentionComposer.Merge(api, db));
    }

    [Fact]
    public void The_wildcard_destination_gets_a_kubernetes_name()
    {
        var intentions = IntentionComposer.Compose(new IntentionRequest("*", ["*"]) { Action = IntentionAction.Deny });

        Assert.Equal("all-services", intentions.Metadata.Name);
        Assert.Equal("*", intentions.Spec.Destination!.Name);
    }
}
