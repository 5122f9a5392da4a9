namespace MeshOps.Rules.Intentions
{
    /// <summary>A source that repeats an earlier one of the same entry; Message is the Consul server's error text.</summary>
    public sealed record DuplicateSource(int SourceIndex, int FirstIndex, string Message);
}
