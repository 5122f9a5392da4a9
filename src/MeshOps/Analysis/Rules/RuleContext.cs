using MeshOps.Model;

namespace MeshOps.Analysis.Rules;

/// <summary>What a rule's verdict may depend on beyond the model: the resolved mesh settings.</summary>
public sealed record RuleContext(MeshSettings Settings)
{
    /// <summary>
    /// How a finding names the caller's option that would settle an assumption, from the option's name
    /// (<c>KnownServices</c>): <c>AnalysisOptions.KnownServices</c> in the SDK, <c>-KnownService parameter</c> in PowerShell.
    /// </summary>
    public Func<string, string> DescribeOption { get; init; } = name => $"AnalysisOptions.{name}";
}
