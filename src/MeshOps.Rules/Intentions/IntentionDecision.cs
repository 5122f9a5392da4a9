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
        int Precedence)
    {
        /// <summary>The caller that was checked: a default decision names it in <see cref="Explanation"/>.</summary>
        public ServiceIdentity? Source { get; init; }

        /// <summary>The destination that was checked.</summary>
        public ServiceIdentity? Destination { get; init; }

        /// <summary>True when the deciding intention is L7, so "denied" really means "depends on the request".</summary>
        public bool IsL7 => Reason == DecisionReason.MatchedL7;

        /// <summary>
        /// The decision in words. Written when it is read: analysis and Test-MeshPath -All check every call, and most
        /// decisions are only ever asked whether they allow.
        /// </summary>
        public string Explanation => Reason switch
        {
            DecisionReason.DefaultAllow or DecisionReason.DefaultDeny => NoMatch(Source, Destination, Allowed),
            DecisionReason.MatchedL7 =>
                "Matched L7 intention: " + Match + "; reported as deny at L4 because the outcome depends on each request's permissions.",
            _ => "Matched L4 intention: " + Match + ".",
        };

        /// <summary>Why the default decided a call, in the words of a connection check and of a request check alike.</summary>
        internal static string NoMatch(ServiceIdentity? source, ServiceIdentity? destination, bool allowed) =>
            "No intention matches " + source + " => " + destination + "; the default decision is " + (allowed ? "allow" : "deny") + ".";
    }
}
