using MeshOps.Sources;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// What a rule found, before the analyzer applies suppressions and filters and words it as a finding.
/// <paramref name="Args"/> fill the descriptor's message, fix and confirm formats.
/// </summary>
public sealed record RuleHit(
    RuleDescriptor Rule,
    ManifestResource Subject,
    SourceLocation Location,
    object[] Args,
    IReadOnlyList<Evidence> Evidence,
    Severity? SeverityOverride = null);
