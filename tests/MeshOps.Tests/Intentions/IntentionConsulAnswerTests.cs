using MeshOps.Intentions;
using MeshOps.Paths.Live;
using MeshOps.Rules.Intentions;

namespace MeshOps.Tests.Intentions;

/// <summary>Consul's answer laid beside ours: the same comparison as the Catalog hop's, and Unknown never reads as agreement.</summary>
public sealed class IntentionConsulAnswerTests
{
    private static readonly IntentionDecision Allow = new(true, DecisionReason.MatchedL4Allow, null, 9);
    private static readonly IntentionDecision Deny = new(false, DecisionReason.DefaultDeny, null, 0);
    private static readonly IntentionDecision L7 = new(false, DecisionReason.MatchedL7, null, 9);

    private static readonly IntentionCheckResult Ours = new()
    {
        Source = "public-api",
        Destination = "products-api",
        Decision = IntentionCheckDecision.Allowed,
        DecidedBy = "ServiceIntentions products-api sources[0]",
        Default = "allow: ACLs are disabled",
        Explanation = "Matched L4 intention",
        Confirm = "consul intention check public-api products-api",
    };

    [Theory]
    [InlineData(true, "allow", IntentionAgreement.Agrees)]
    [InlineData(false, "deny", IntentionAgreement.Agrees)]
    [InlineData(false, "allow", IntentionAgreement.ConsulDenies)]
    [InlineData(true, "deny", IntentionAgreement.ConsulAllows)]
    [InlineData(false, "l7", IntentionAgreement.NotComparable)]
    [InlineData(null, "allow", IntentionAgreement.Unknown)]
    public void Consul_and_our_decision_compare_one_way(bool? consul, string ours, IntentionAgreement expected)
    {
        var decision = ours switch { "allow" => Allow, "deny" => Deny, _ => L7 };

        Assert.Equal(expected, IntentionComparison.Compare(consul, decision));
    }

    [Fact]
    public void Consul_denying_what_we_allow_is_a_disagreement_with_what_to_do()
    {
        var result = LiveIntentionChecker.WithConsul(Ours, Allow, false, null, "consul/consul-server-0");

        Assert.Equal(IntentionAgreement.ConsulDenies, result.ConsulAgreement);
        Assert.Equal("Denied (disagrees)", result.Consul);
        Assert.False(result.ConsulAllowed);
        Assert.Contains("Consul denies public-api -> products-api", result.ConsulMessage, StringComparison.Ordinal);
        Assert.Contains("Synced condition", result.ConsulMessage, StringComparison.Ordinal);
        Assert.Contains("consul/consul-server-0", result.ConsulMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Consul_unreachable_is_Unknown_with_the_endpoint_message_never_agreement()
    {
        var result = LiveIntentionChecker.WithConsul(Ours, Allow, null, "GET http://127.0.0.1:8500/v1/connect/intentions/check: connection refused", null);

        Assert.Equal(IntentionAgreement.Unknown, result.ConsulAgreement);
        Assert.Equal("Unknown", result.Consul);
        Assert.Null(result.ConsulAllowed);
        Assert.Contains("connection refused", result.ConsulMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("agree", result.Consul, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_agreeing_and_an_L7_answer_are_no_disagreement()
    {
        Assert.Equal("Allowed (agrees)", LiveIntentionChecker.WithConsul(Ours, Allow, true, null, null).Consul);
        Assert.Equal("Denied (L7)", LiveIntentionChecker.WithConsul(Ours, L7, false, null, null).Consul);
    }
}
