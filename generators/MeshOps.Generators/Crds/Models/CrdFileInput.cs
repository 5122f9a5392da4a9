namespace MeshOps.Generators.Crds.Models
{
    /// <summary>A file added as <c>&lt;AdditionalFiles MeshOpsKind="Crd" /&gt;</c>: its path, text and namespace override.</summary>
    internal sealed record CrdFileInput(string Path, string Text, string? Namespace);
}
