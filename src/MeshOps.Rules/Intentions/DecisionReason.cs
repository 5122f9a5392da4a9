namespace MeshOps.Rules.Intentions
{
    /// <summary>Why <see cref="IntentionEvaluator.Check"/> decided as it did, mirroring the reasons of /v1/agent/connect/authorize.</summary>
    public enum DecisionReason
    {
        MatchedL4Allow,
        MatchedL4Deny,

        /// <summary>An intention with permissions matched; reported as deny because a check cannot see the request.</summary>
        MatchedL7,
        DefaultAllow,
        DefaultDeny,
    }
}
