namespace MeshOps.Envoy.Stats;

/// <summary>Shared histogram values every reader gives for "nothing recorded", so text and JSON compare equal.</summary>
internal static class HistogramValues
{
    /// <summary>Envoy prints <c>No recorded values</c> in text and all-null quantiles in JSON for a histogram never used.</summary>
    public static readonly EnvoyHistogramData NoRecordedValues = new([], null);
}
