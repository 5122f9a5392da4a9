using MeshOps.Envoy.Stats;

namespace MeshOps.Paths.Live;

/// <summary>
/// A counter the <c>Envoy</c> hop watches between two stats samples: what it concludes when the counter rose
/// (<see cref="WhenRising"/>) and when it is non-zero but flat (<see cref="WhenStanding"/>: Pass for failures of the
/// past, Warn where any count is worth knowing), the summary it gives and the stats filter that confirms it.
/// </summary>
internal sealed record EnvoyWatchedCounter(
    Func<EnvoyStatisticDelta, bool> Matches,
    PathHopStatus WhenRising,
    PathHopStatus WhenStanding,
    Func<EnvoyStatisticDelta, string> Summary,
    string Fix,
    string Filter);
