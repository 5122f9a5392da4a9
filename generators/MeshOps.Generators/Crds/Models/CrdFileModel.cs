namespace MeshOps.Generators.Crds.Models
{
    /// <summary>What one CRD file yields: its kinds, or the reason it could not be read.</summary>
    internal sealed record CrdFileModel(string Path, EquatableArray<KindModel> Kinds, EquatableArray<CrdDiagnosticInfo> Diagnostics);

    /// <summary>A diagnostic about a CRD file, kept as plain data (no <c>Location</c>) so the model stays equatable.</summary>
    internal sealed record CrdDiagnosticInfo(string Id, string Path, int Line, string Message);
}
