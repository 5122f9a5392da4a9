using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>What to analyse and which findings to keep.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Only report on objects in this namespace (objects without one count as "default").</summary>
    public string? Namespace { get; init; }

    /// <summary>When not empty, only these rule IDs run.</summary>
    public IReadOnlyCollection<string> IncludeRules { get; init; } = [];

    public IReadOnlyCollection<string> ExcludeRules { get; init; } = [];

    public Severity MinimumSeverity { get; init; } = Severity.Info;

    /// <summary>
    /// The decision when no intention matches and there is no deny-all intention. Consul with ACLs off allows.
    /// </summary>
    public DefaultPolicy DefaultPolicy { get; init; } = DefaultPolicy.Allow;

    public static readonly AnalysisOptions Default = new();
}
