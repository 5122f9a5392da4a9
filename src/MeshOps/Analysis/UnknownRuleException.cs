namespace MeshOps.Analysis;

/// <summary>A rule ID that is not in the catalogue: a typo that would otherwise select nothing and let a gate pass.</summary>
public sealed class UnknownRuleException : ArgumentException
{
    public UnknownRuleException(string ruleId, IReadOnlyList<string> knownRuleIds)
        : base($"Unknown rule id '{ruleId}'. Known rules: {string.Join(", ", knownRuleIds)}.")
    {
        RuleId = ruleId;
        KnownRuleIds = knownRuleIds;
    }

    /// <summary>The ID that names no rule, in capitals as the catalogue spells IDs.</summary>
    public string RuleId { get; }

    /// <summary>Every ID the analyzer runs, in catalogue order.</summary>
    public IReadOnlyList<string> KnownRuleIds { get; }
}
