using MeshOps.Sources;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>The result of one analysis: findings in file/line order, and what could not be read.</summary>
public sealed record AnalysisReport(IReadOnlyList<Finding> Findings, IReadOnlyList<LoadError> LoadErrors)
{
    /// <summary>What was read as kubectl reads it but deserves a look (a repeated key, one object written twice); never fails <see cref="Passed"/>.</summary>
    public IReadOnlyList<LoadWarning> LoadWarnings { get; init; } = [];

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// The verdict of a gate: no finding of severity Error and every input read. An input that could not be read
    /// fails the gate even when nothing was found in the rest, because what it holds was never checked.
    /// </summary>
    public bool Passed => !HasErrors && LoadErrors.Count == 0;
}
