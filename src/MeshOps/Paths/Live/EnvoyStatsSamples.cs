using MeshOps.Envoy.Stats;

namespace MeshOps.Paths.Live;

/// <summary>
/// Two reads of one sidecar's <c>/stats</c>, <see cref="Interval"/> apart (each as <see cref="EnvoyStatsQuery.Read"/>
/// puts its answers together): a counter that rose between them is failing now, one that did not is history.
/// </summary>
internal sealed record EnvoyStatsSamples(IReadOnlyList<EnvoyStatistic> First, IReadOnlyList<EnvoyStatistic> Second, TimeSpan Interval)
{
    /// <summary>How each counter and gauge moved (a counter reset between the reads counts from 0).</summary>
    public IReadOnlyList<EnvoyStatisticDelta> Deltas() => EnvoyStatisticDeltas.Compute(First, Second, Interval > TimeSpan.Zero ? Interval : TimeSpan.FromSeconds(1));
}
