using MeshOps.Discovery;
using MeshOps.Loading;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>A piece of evidence behind a finding: another object and what about it matters.</summary>
public sealed record Evidence(ResourceRef Resource, SourceLocation Location, string Note)
{
    // Notes quote values from the manifests (images, protocols, matched intentions), so they are masked like messages.
    public string Note { get; init => field = SecretRedactor.Redact(value); } = SecretRedactor.Redact(Note);

    public override string ToString() => $"{Resource} ({Location}): {Note}";
}

/// <summary>
/// One problem found in the mesh configuration, with where it is, why it breaks traffic, how to fix it
/// and the command that shows the fix worked.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string Title,
    ResourceRef Resource,
    SourceLocation Location,
    string Message,
    string Fix,
    string Confirm,
    IReadOnlyList<Evidence> Evidence)
{
    // Rules quote names and excerpts that discovery already redacted; masking again here keeps a new rule from leaking.
    // Confirm is masked too: it quotes selectors (kubectl get pods -l token=...) that no discovery step has seen.
    // The init accessors mask as well, so that a copy made with 'with { Message = ... }' cannot skip the pass.
    public string Message { get; init => field = SecretRedactor.Redact(value); } = SecretRedactor.Redact(Message);

    public string Fix { get; init => field = SecretRedactor.Redact(value); } = SecretRedactor.Redact(Fix);

    public string Confirm { get; init => field = SecretRedactor.Redact(value); } = SecretRedactor.Redact(Confirm);

    public string File => Location.File;

    public int Line => Location.Line;

    public int Column => Location.Column;

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
}
