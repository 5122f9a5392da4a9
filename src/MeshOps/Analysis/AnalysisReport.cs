using MeshOps.Sources;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>The result of one analysis: findings in file/line order, and what could not be read.</summary>
public sealed record AnalysisReport(IReadOnlyList<Finding> Findings, IReadOnlyList<LoadError> LoadErrors)
{
    /// <summary>What was read as kubectl reads it but deserves a look (a repeated key, one object written twice); never fails <see cref="Passed"/>.</summary>
    public IReadOnlyList<LoadWarning> LoadWarnings { get; init; } = [];

    /// <summary>How many objects were analysed (one object written twice counts once); documents skipped as no object do not count.</summary>
    public int ResourcesAnalysed { get; init; }

    /// <summary>The IDs of the rules that ran (after -Rule and -ExcludeRule), in ID order: a report says which checks passed.</summary>
    public IReadOnlyList<string> RulesRun { get; init; } = [];

    /// <summary>No object was read: an empty input, a folder of no manifests, inputs that all failed (issue 10).</summary>
    public bool AnalysedNothing => ResourcesAnalysed == 0;

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    /// <summary>
    /// The verdict of a gate: no finding of severity Error, every input read and at least one object analysed. An input
    /// that could not be read fails the gate even when nothing was found in the rest, because what it holds was never
    /// checked; and a check of nothing is no pass, since a mistyped path or an empty pipeline would otherwise pass CI.
    /// </summary>
    public bool Passed => PassedWith(allowEmpty: false);

    /// <summary>The verdict, where <paramref name="allowEmpty"/> accepts an input that held no object (an opt-in, never the default).</summary>
    public bool PassedWith(bool allowEmpty) => !HasErrors && LoadErrors.Count == 0 && (allowEmpty || !AnalysedNothing);
}
