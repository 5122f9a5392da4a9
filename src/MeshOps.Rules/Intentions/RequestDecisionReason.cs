namespace MeshOps.Rules.Intentions
{
    /// <summary>Why <see cref="IntentionEvaluator.EvaluateRequest"/> decided as it did.</summary>
    public enum RequestDecisionReason
    {
        MatchedL4Allow,
        MatchedL4Deny,
        MatchedPermissionAllow,
        MatchedPermissionDeny,

        /// <summary>An L7 intention matched but none of its permissions did, so the default decided.</summary>
        NoPermissionMatched,
        DefaultAllow,
        DefaultDeny,
    }
}
