using MeshOps.Analysis;

namespace MeshOps.Tests.Precision;

/// <summary>What a finding says it assumed about input the set does not hold.</summary>
internal static class Assumptions
{
    public static string? Of(Finding finding) =>
        string.IsNullOrWhiteSpace(finding.Assumption) ? null : finding.Assumption;
}
