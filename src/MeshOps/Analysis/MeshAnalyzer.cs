using MeshOps.Loading;

namespace MeshOps.Analysis;

/// <summary>The offline pipeline: manifests → mesh model → rules → findings.</summary>
public static class MeshAnalyzer
{
    public static AnalysisReport Analyze(ManifestSet manifests, AnalysisOptions? options = null) =>
        new([], manifests.Errors);
}
