using System.Globalization;
using System.Text;

namespace MeshOps.Envoy.Stats;

/// <summary>What a histogram or summary carries besides its name: quantiles or buckets, and Prometheus' sum and count.</summary>
internal sealed class EnvoyHistogramData : IEquatable<EnvoyHistogramData>
{
    public EnvoyHistogramData(IReadOnlyList<EnvoyQuantile>? quantiles, IReadOnlyList<EnvoyHistogramBucket>? buckets, double? sum = null, double? sampleCount = null)
    {
        Quantiles = quantiles;
        Buckets = buckets;
        Sum = sum;
        SampleCount = sampleCount;
    }

    public IReadOnlyList<EnvoyQuantile>? Quantiles { get; }

    public IReadOnlyList<EnvoyHistogramBucket>? Buckets { get; }

    public double? Sum { get; }

    public double? SampleCount { get; }

    /// <summary>No recorded values: Envoy's text says so in words, its JSON with nulls, Prometheus with a zero count.</summary>
    public bool IsEmpty =>
        SampleCount is 0
        || (SampleCount is null && (Quantiles?.All(q => q.Cumulative is null) ?? true) && (Buckets?.All(b => b.Cumulative == 0) ?? true));

    public bool Equals(EnvoyHistogramData? other) =>
        other is not null
        && Same(Quantiles, other.Quantiles)
        && Same(Buckets, other.Buckets)
        && Nullable.Equals(Sum, other.Sum)
        && Nullable.Equals(SampleCount, other.SampleCount);

    public override bool Equals(object? obj) => Equals(obj as EnvoyHistogramData);

    public override int GetHashCode() => HashCode.Combine(Quantiles?.Count, Buckets?.Count, Sum, SampleCount);

    public override string ToString()
    {
        if (IsEmpty)
            return "No recorded values";
        var text = new StringBuilder();
        foreach (var q in Quantiles ?? [])
            text.Append(CultureInfo.InvariantCulture, $"P{q.Percentile}({Show(q.Interval)},{Show(q.Cumulative)}) ");
        foreach (var b in Buckets ?? [])
            text.Append(CultureInfo.InvariantCulture, $"B{b.UpperBound}({Show(b.Interval)},{b.Cumulative}) ");
        if (SampleCount is { } count)
            text.Append(CultureInfo.InvariantCulture, $"count={count} sum={Sum}");
        return text.ToString().TrimEnd();
    }

    private static string Show(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "nan";

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
