using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

public class IntentionPrecedenceTests
{
    // Consul's documented table: SrcNS, SrcName, DstNS, DstName -> precedence.
    [Theory]
    [InlineData("web", "default", "db", "default", 9)]
    [InlineData("*", "default", "db", "default", 8)]
    [InlineData("*", "*", "db", "default", 7)]
    [InlineData("web", "default", "*", "default", 6)]
    [InlineData("*", "default", "*", "default", 5)]
    [InlineData("*", "*", "*", "default", 4)]
    [InlineData("web", "default", "*", "*", 3)]
    [InlineData("*", "default", "*", "*", 2)]
    [InlineData("*", "*", "*", "*", 1)]
    public void Precedence_follows_the_consul_table(string sourceName, string sourceNamespace, string destinationName, string destinationNamespace, int expected)
    {
        Assert.Equal(expected, IntentionPrecedence.Compute(destinationNamespace, destinationName, sourceNamespace, sourceName));
    }

    [Fact]
    public void Wildcard_namespace_counts_zero_whatever_the_name()
    {
        Assert.Equal(0, IntentionPrecedence.CountExact("web", "*"));
        Assert.Equal(1, IntentionPrecedence.CountExact("*", "default"));
        Assert.Equal(2, IntentionPrecedence.CountExact("web", "default"));
    }

    [Fact]
    public void Peer_and_partition_do_not_change_precedence()
    {
        var evaluator = new IntentionEvaluator([
            Given.Entry("db", Given.Source("web", IntentionAction.Allow, peer: "east")),
            Given.Entry("db", Given.Source("web", IntentionAction.Allow, partition: "default")),
        ]);

        var peered = evaluator.Match(new ServiceIdentity("default", "web", Peer: "east"), Given.Service("db"));
        var local = evaluator.Match(Given.Service("web"), Given.Service("db"));

        Assert.Equal(9, Assert.Single(peered).Precedence);
        Assert.Equal(9, Assert.Single(local).Precedence);
    }
}
