using System.Globalization;

namespace MeshOps.Simulation.Envoy;

/// <summary>
/// A simulated histogram as Envoy prints it: the quantiles of its samples (source/common/stats/histogram_impl.cc's
/// supported quantiles; the interval is empty, as in a sidecar whose last flush saw no traffic) and Envoy's default
/// buckets for Prometheus.
/// </summary>
public static class EnvoyStatsHistogram
{
    public static readonly double[] SupportedQuantiles = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 100];

    public static readonly double[] DefaultBuckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    /// <summary>Nearest-rank quantile of the samples (Envoy interpolates in its log buckets; the format is what matters here).</summary>
    public static double Quantile(IReadOnlyList<double> samples, double percentile)
    {
        var sorted = samples.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary><c>P0(nan,0.4) P25(nan,…) …</c>, or <c>No recorded values</c>.</summary>
    public static string Text(IReadOnlyList<double>? samples) =>
        samples is not { Count: > 0 }
            ? "No recorded values"
            : string.Join(' ', SupportedQuantiles.Select(q => string.Create(CultureInfo.InvariantCulture, $"P{q:g}(nan,{Quantile(samples, q):R})")));
}
