using MeshOps.Analysis;

namespace MeshOps.Tests.Precision;

/// <summary>What a finding says it assumed about input the set does not hold.</summary>
internal static class Assumptions
{
    // Finding.Assumption is being added for issue 9 in parallel; until it lands the assumption can only be in the
    // message. When it exists, this body becomes: string.IsNullOrWhiteSpace(finding.Assumption) ? null : finding.Assumption
    public static string? Of(Finding finding) =>
        finding.Message.Contains("assum", StringComparison.OrdinalIgnoreCase) ? finding.Message : null;
}
