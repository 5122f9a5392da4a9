using MeshOps.Sources;
using MeshOps.Analysis.Rules;
using MeshOps.Rules.Catalog;
using MeshOps.Secrets;

namespace MeshOps.Analysis;

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
    // Every text is also escaped (OutputText): names and excerpts quote manifests, and a name holding ESC[2J or an
    // OSC 8 hyperlink would rewrite the report on the user's terminal.
    public string Message { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Message);

    public string Fix { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Fix);

    public string Confirm { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Confirm);

    public string Title { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Title);

    public ResourceRef Resource { get; init => field = value.ForOutput(); } = Resource.ForOutput();

    public SourceLocation Location { get; init => field = value.ForOutput(); } = Location.ForOutput();

    /// <summary>
    /// What the verdict assumed about what the inputs lack, and how to say otherwise; null when it rests on the inputs
    /// alone. The message ends with it ("Assumed: ..."), so a reader of the message alone sees it too.
    /// </summary>
    public string? Assumption { get; init => field = OutputText.CleanOrNull(value); }

    public string File => Location.File;

    public int Line => Location.Line;

    public int Column => Location.Column;

    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()} {RuleId}: {Message}";
}
