namespace MeshOps.Envoy.Stats;

/// <summary>Gathers one Prometheus histogram's or summary's samples (they span several lines) into one statistic.</summary>
internal sealed class HistogramBuilder(string family, EnvoyStatisticType type, EnvoyLabels? labels, int index)
{
    private readonly List<EnvoyQuantile>? _quantiles = type == EnvoyStatisticType.Summary ? [] : null;
    private readonly List<EnvoyHistogramBucket>? _buckets = type == EnvoyStatisticType.Histogram ? [] : null;
    private double? _sum;
    private double? _count;

    /// <summary>Where the statistic goes in the page's order: where its first sample was.</summary>
    public int Index { get; } = index;

    public bool Add(PrometheusReader.HistogramPart part, double? le, double? quantile, double value)
    {
        switch (part)
        {
            case PrometheusReader.HistogramPart.Sum:
                _sum = value;
                return true;
            case PrometheusReader.HistogramPart.Count:
                _count = value;
                return true;
            case PrometheusReader.HistogramPart.Bucket when _buckets is not null && le is { } bound:
                _buckets.Add(new EnvoyHistogramBucket(bound, null, value));
                return true;
            case PrometheusReader.HistogramPart.Quantile when _quantiles is not null && quantile is { } q:
                // Prometheus quantiles are 0–1; Envoy's percentiles 0–100.
                _quantiles.Add(new EnvoyQuantile(q * 100, null, double.IsNaN(value) ? null : value));
                return true;
            default:
                return false;
        }
    }

    public EnvoyStatistic Build(EnvoySource source) =>
        new(source, null, family, type, new EnvoyHistogramData(_quantiles, _buckets, _sum, _count), labels);
}
