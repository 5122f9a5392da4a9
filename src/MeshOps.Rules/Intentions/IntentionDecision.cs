namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The outcome of a connection-level check, as <c>consul intention check</c> reports it. Match is null when the
    /// default decided; Precedence is then 0.
    /// </summary>
    public sealed record IntentionDecision(
        bool Allowed,
        DecisionReason Reason,
        MatchedIntention? Match,
        int Precedence,
        string Explanation)
    {
        /// <summary>True when the deciding intention is L7, so "denied" really means "depends on the request".</summary>
        public bool IsL7 => Reason == DecisionReason.MatchedL7;
    }
}
