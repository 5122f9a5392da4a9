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

    [Theory]
    [InlineData("we*", "default", "Name: wildcard character '*' cannot be used with partial values")]
    [InlineData("web", "*", "Name: exact value cannot follow wildcard namespace")]
    [InlineData("*", "de*", "Namespace: wildcard character '*' cannot be used with partial values")]
    [InlineData("*web", "default", "Name: wildcard character '*' cannot be used with partial values")]
    [InlineData("*", "*shop", "Namespace: wildcard character '*' cannot be used with partial values")]
    public void Wildcard_misuse_gets_consuls_message(string name, string ns, string expected)
    {
        Assert.Equal(expected, IntentionValidation.WildcardError(name, ns, null, null, null));
    }

    [Theory]
    [InlineData("*", "*")]
    [InlineData("*", "default")]
    [InlineData("web", "default")]
    [InlineData("web", "")]
    public void Valid_wildcards_have_no_error(string name, string ns)
    {
        Assert.Null(IntentionValidation.WildcardError(name, ns, null, null, null));
    }

    [Fact]
    public void Wildcards_in_partition_peer_or_sameness_group_are_rejected()
    {
        Assert.Equal("Partition: cannot use wildcard '*' in partition", IntentionValidation.WildcardError("web", "default", "*", null, null));
        Assert.Equal("Peer: cannot use wildcard '*' in peer", IntentionValidation.WildcardError("web", "default", null, "*", null));
        Assert.Equal("SamenessGroup: cannot use wildcard '*' in sameness group", IntentionValidation.WildcardError("web", "default", null, null, "*"));
    }

    [Fact]
    public void Source_wildcard_errors_are_prefixed_with_their_index()
    {
        var entry = Given.Entry("we*", Given.Source("web", IntentionAction.Allow), Given.Source("web", IntentionAction.Allow, ns: "*"));

        var issues = IntentionValidation.WildcardIssues(entry);

        Assert.Equal(2, issues.Count);
        Assert.Equal((null, "Name: wildcard character '*' cannot be used with partial values"), (issues[0].SourceIndex, issues[0].Message));
        Assert.Equal((1, "Sources[1].Name: exact value cannot follow wildcard namespace"), (issues[1].SourceIndex, issues[1].Message));
    }
}
