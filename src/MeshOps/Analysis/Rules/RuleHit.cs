using MeshOps.Sources;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// What a rule found, before the analyzer applies suppressions and filters and words it as a finding.
/// <paramref name="Args"/> fill the descriptor's message, fix and confirm formats.
/// <paramref name="Assumption"/> says what the verdict took for granted about what the inputs lack (a namespace-less
/// file placed in default, ACLs taken as off for want of Helm values, a Service that may come from a chart), and how
/// to tell MeshOps otherwise; a finding that rests on one is at most a Warning (see <see cref="MeshAnalyzer.ToFinding"/>).
/// </summary>
public sealed record RuleHit(
    RuleDescriptor Rule,
    ManifestResource Subject,
    SourceLocation Location,
    object[] Args,
    IReadOnlyList<Evidence> Evidence,
    Severity? SeverityOverride = null,
    string? Assumption = null);
