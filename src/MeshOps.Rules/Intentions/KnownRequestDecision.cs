namespace MeshOps.Rules.Intentions
{
    /// <summary>
    /// The outcome of an L7 intention's permissions for a <see cref="KnownRequest"/>. PermissionIndex is the position in
    /// <c>permissions[]</c> of the permission that decides (for Depends, the allow permission that may match), or null
    /// when no permission can match and the default decides; DefaultAllowed is that default.
    /// </summary>
    public sealed record KnownRequestDecision(KnownRequest Request, KnownRequestOutcome Outcome, int? PermissionIndex, bool DefaultAllowed);
}
