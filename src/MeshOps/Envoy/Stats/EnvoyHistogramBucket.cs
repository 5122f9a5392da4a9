namespace MeshOps.Envoy.Stats;

/// <summary>
/// One bucket of a histogram: samples up to <see cref="UpperBound"/> (<see cref="double.PositiveInfinity"/> for
/// Prometheus' <c>+Inf</c>). <see cref="Interval"/> comes only from <c>/stats?histogram_buckets=</c>, not Prometheus.
/// </summary>
public sealed record EnvoyHistogramBucket(double UpperBound, double? Interval, double Cumulative);
