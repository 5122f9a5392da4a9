using MeshOps.Analysis;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// What a rule found, before the analyzer applies suppressions and filters and words it as a <see cref="Finding"/>.
/// <paramref name="Args"/> fill the descriptor's message, fix and confirm formats.
/// </summary>
public sealed record RuleHit(
    RuleDescriptor Rule,
    ManifestResource Subject,
    SourceLocation Location,
    object[] Args,
    IReadOnlyList<Evidence> Evidence,
    Severity? SeverityOverride = null)
{
    public Finding ToFinding() => new(
        Rule.Id,
        SeverityOverride ?? Rule.Severity,
        Rule.Title,
        Subject.Ref with { Namespace = Model.MeshModelBuilder.NamespaceOf(Subject) },
        Location,
        Rule.FormatMessage(Args),
        Rule.FormatFix(Args),
        Rule.FormatConfirm(Args),
        Evidence);
}
