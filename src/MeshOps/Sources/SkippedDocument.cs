using MeshOps.Secrets;

namespace MeshOps.Sources;

/// <summary>
/// A document that was read and deliberately left out because it is not a Kubernetes object kubectl would apply (a
/// kind cluster config, a skaffold.yaml, another chart's Helm values...). Not an error: nothing in it could change the
/// mesh. <paramref name="Reason"/> says what it was taken for, so a user who disagrees can tell why.
/// </summary>
public sealed record SkippedDocument(SourceLocation Location, string Reason)
{
    // The reason quotes the document (its kind, a key it holds); it is masked and escaped like a LoadError's message.
    public string Reason { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Reason);

    public SourceLocation Location { get; init => field = value.ForOutput(); } = Location.ForOutput();

    public override string ToString() => $"{Location}: {Reason}";
}
