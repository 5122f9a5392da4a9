using MeshOps.Secrets;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>A piece of evidence behind a finding: another object and what about it matters.</summary>
public sealed record Evidence(ResourceRef Resource, SourceLocation Location, string Note)
{
    // Notes quote values from the manifests (images, protocols, matched intentions), so they are masked like messages.
    public string Note { get; init => field = SecretRedactor.Redact(value); } = SecretRedactor.Redact(Note);

    public override string ToString() => $"{Resource} ({Location}): {Note}";
}
