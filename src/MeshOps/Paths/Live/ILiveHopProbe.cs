using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Reads what a running cluster shows for one hop of a resolved path and judges it. A probe that cannot read says
/// so with an Unknown judgement naming the endpoint: it never throws for an unreachable pod or server.
/// </summary>
internal interface ILiveHopProbe
{
    PathHopName Hop { get; }

    Task<HopJudgement> ProbeAsync(ResolvedPath path, CancellationToken cancellationToken);

    /// <summary>Starts the reads of this path's pods without waiting, so many paths (-All) read their pods at once.</summary>
    void Prefetch(ResolvedPath path, CancellationToken cancellationToken)
    {
    }
}
