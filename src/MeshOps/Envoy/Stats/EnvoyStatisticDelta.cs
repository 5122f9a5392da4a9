namespace MeshOps.Envoy.Stats;

/// <summary>
/// How a counter or gauge moved between two reads <see cref="Interval"/> apart: a counter rising now
/// (<c>upstream_cx_connect_fail</c>) told apart from an old count. <see cref="Previous"/> is null for a stat that
/// appeared between the reads (Envoy creates stats when first used; it counted from 0).
/// </summary>
public sealed record EnvoyStatisticDelta(
    string Name,
    EnvoyStatisticType Type,
    double? Previous,
    double Current,
    double Delta,
    double RatePerSecond,
    TimeSpan Interval,
    bool CounterReset,
    ConsulClusterName? Cluster,
    IReadOnlyDictionary<string, string>? Labels,
    EnvoySource Source)
{
    public string? Pod => Source.Pod;

    public string? Namespace => Source.Namespace;
}
