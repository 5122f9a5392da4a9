namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The outcome for one HTTP request. PermissionIndex is the position in <c>permissions[]</c> of the permission
    /// that decided, or null when an L4 intention or the default decided.
    /// </summary>
    public sealed record RequestDecision(
        bool Allowed,
        RequestDecisionReason Reason,
        MatchedIntention? Match,
        int? PermissionIndex,
        string Explanation);
}
