using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;
using MeshOps.Rules.Text;

namespace MeshOps.Rules.Checks
{
    /// <summary>
    /// A call between two mesh services and what the intentions decided for it. MatchedAt says where the deciding
    /// intention is written (null when the default decided); DefaultOrigin where the default policy comes from.
    /// </summary>
    public sealed record IntentionCheckedCall(
        string Source,
        string Destination,
        string DestinationProtocol,
        string WrittenAt,
        string Namespace,
        IntentionDecision Decision,
        string? MatchedAt,
        string DefaultOrigin);

    /// <summary>MESH201: a call between two mesh services that the intentions deny, with the intention that decided.</summary>
    public static class CallDeniedByIntentionsCheck
    {
        public static RuleVerdict? Check(IntentionCheckedCall call)
        {
            var decision = call.Decision;
            // L7 permissions on a destination without an L7 protocol are MESH204's or MESH302's root cause; on an L7
            // destination the call is a warning, as some requests get through.
            if (decision.Allowed || (decision.IsL7 && !Protocols.IsL7(call.DestinationProtocol)))
            {
                return null;
            }

            var args = new object[] { call.Source, call.Destination, call.WrittenAt, Explain(call), call.Namespace };
            return new RuleVerdict(RuleCatalog.CallDeniedByIntentions, args, decision.IsL7 ? Severity.Warning : null);
        }

        private static string Explain(IntentionCheckedCall call)
        {
            var decision = call.Decision;
            switch (decision.Reason)
            {
                case DecisionReason.MatchedL4Deny when call.MatchedAt is not null:
                    return "intention " + decision.Match + " in " + call.MatchedAt + " denies it";
                case DecisionReason.MatchedL7 when call.MatchedAt is not null:
                    return "the matching intention " + decision.Match + " in " + call.MatchedAt + " has L7 permissions, which `consul intention check` reports as deny at L4; only requests matching an allow permission get through";
                case DecisionReason.DefaultDeny:
                    return "no intention matches, and the default is deny: " + call.DefaultOrigin;
                default:
                    return decision.Explanation;
            }
        }
    }
}
