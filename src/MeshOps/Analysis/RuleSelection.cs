using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis;

/// <summary>Rule IDs as a user types them, checked against the catalogue the analyzer runs.</summary>
public static class RuleSelection
{
    /// <summary>
    /// The IDs spelled as the catalogue spells them: users type names in any case, the catalogue uses capitals.
    /// A front end calls this before reading any input, so a typo fails at once rather than after a long load.
    /// </summary>
    /// <exception cref="UnknownRuleException">For the first ID that names no rule, given in capitals.</exception>
    public static IReadOnlyList<string> Parse(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return [.. ids.Select(Canonical)];
    }

    private static string Canonical(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var canonical = id.ToUpperInvariant();
        return RuleCatalog.Find(canonical)?.Id ?? throw new UnknownRuleException(canonical, [.. RuleCatalog.All.Select(r => r.Id)]);
    }
}
