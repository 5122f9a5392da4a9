using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

public class IntentionValidationTests
{
    [Fact]
    public void Repeated_source_is_reported_with_consuls_message()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow), Given.Source("api", IntentionAction.Allow), Given.Source("web", IntentionAction.Deny));

        var duplicate = Assert.Single(IntentionValidation.DuplicateSources(entry));

        Assert.Equal((2, 0), (duplicate.SourceIndex, duplicate.FirstIndex));
        Assert.Equal("Sources[2] defines \"web\" more than once", duplicate.Message);
    }

    [Fact]
    public void Same_name_from_another_peer_or_namespace_is_not_a_duplicate()
    {
        var entry = Given.Entry(
            "db",
            Given.Source("web", IntentionAction.Allow),
            Given.Source("web", IntentionAction.Allow, peer: "east"),
            Given.Source("web", IntentionAction.Allow, ns: "shop"));

        Assert.Empty(IntentionValidation.DuplicateSources(entry));
    }

    [Fact]
    public void Empty_namespace_and_default_namespace_are_the_same_source()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow, ns: ""), Given.Source("web", IntentionAction.Allow));

        Assert.Single(IntentionValidation.DuplicateSources(entry));
    }

    [Fact]
    public void Repeated_peer_source_names_the_peer()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow, peer: "east"), Given.Source("web", IntentionAction.Deny, peer: "east"));

        Assert.Equal("Sources[1] defines peer(\"east\") \"web\" more than once", Assert.Single(IntentionValidation.DuplicateSources(entry)).Message);
    }

    [Fact]
    public void Repeated_sameness_group_source_names_the_group()
    {
        var entry = Given.Entry("db", Given.Source("web", IntentionAction.Allow, samenessGroup: "g"), Given.Source("web", IntentionAction.Allow, samenessGroup: "g"));

        Assert.Equal("Sources[1] defines sameness-group(\"g\") \"web\" more than once", Assert.Single(IntentionValidation.DuplicateSources(entry)).Message);
    }
}
