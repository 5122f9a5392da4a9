using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>The result of one analysis: findings in file/line order, and what could not be read.</summary>
public sealed record AnalysisReport(IReadOnlyList<Finding> Findings, IReadOnlyList<LoadError> LoadErrors)
{
    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);
}
