using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>Points an evaluated intention back to the manifest it came from.</summary>
public sealed record IntentionOrigin(ManifestResource Resource)
{
    public SourceLocation LocationOfSource(int index) => Resource.LocationOf("spec", "sources", index);

    public override string ToString() => $"ServiceIntentions {Resource.Name} ({Resource.Location})";
}
