namespace MeshOps.Rules.Intentions
{
    /// <summary>One entry of <c>sources[].permissions</c>. Http is null only for JWT-only permissions.</summary>
    public sealed record IntentionPermission(IntentionAction Action, HttpPermission? Http);
}
