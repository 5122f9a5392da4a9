using MeshOps.Secrets;
using MeshOps.Sources;

namespace MeshOps.Analysis.Rules;

/// <summary>A piece of evidence behind a finding: another object and what about it matters.</summary>
public sealed record Evidence(ResourceRef Resource, SourceLocation Location, string Note)
{
    // Notes quote values from the manifests (images, protocols, matched intentions), so they are masked like messages.
    // Names and notes are escaped too: a manifest's ESC[2J must not reach the terminal (OutputText).
    public string Note { get; init => field = OutputText.Clean(value); } = OutputText.Clean(Note);

    public ResourceRef Resource { get; init => field = value.ForOutput(); } = Resource.ForOutput();

    public SourceLocation Location { get; init => field = value.ForOutput(); } = Location.ForOutput();

    // An object read from a cluster is located by its own name (Deployment/shop/api (resourceVersion 7)): say it once.
    public override string ToString() =>
        Location.Line == 0 && Location.File.StartsWith(Resource.ToString(), StringComparison.Ordinal)
            ? $"{Location}: {Note}"
            : $"{Resource} ({Location}): {Note}";
}
