namespace MeshOps.Envoy.Stats;

/// <summary>
/// One quantile of an Envoy histogram: <see cref="Percentile"/> (0–100), the value over the last flush interval and
/// since start. Envoy prints <c>nan</c> (text) or <c>null</c> (JSON) for an interval without samples: that is null here.
/// </summary>
public sealed record EnvoyQuantile(double Percentile, double? Interval, double? Cumulative);
