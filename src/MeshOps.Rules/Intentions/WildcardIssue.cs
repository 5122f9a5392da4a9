namespace MeshOps.Rules.Intentions
{
    /// <summary>A misuse of "*" that the Consul server rejects. SourceIndex is null for the destination.</summary>
    public sealed record WildcardIssue(int? SourceIndex, string Message);
}
