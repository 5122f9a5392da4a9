using System.Globalization;
using MeshOps.Envoy.Stats;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Judges one sidecar's watched counters between its two stats samples: the first watched counter that rose (in the
/// order given, most decisive first) decides; a count that did not move is reported, not failed, since it may be
/// hours old.
/// </summary>
internal static class EnvoyCounterCheck
{
    public static HopJudgement Judge(EnvoySidecarData pod, string watching, IReadOnlyList<EnvoyWatchedCounter> watched)
    {
        if (pod.Stats?.Value is not { } samples)
        {
            var why = EnvoyReading.Why(pod.Stats);
            return new HopJudgement(PathHopStatus.Unknown, [$"{pod}: /stats not read: {why}"], $"{pod.Pod}'s stats could not be read ({why})", "", "");
        }

        var deltas = samples.Deltas();
        var evidence = new List<string>();
        HopJudgement? verdict = null;
        var seen = false;
        foreach (var counter in watched)
        {
            foreach (var delta in deltas.Where(counter.Matches))
            {
                seen = true;
                if (delta.Current == 0 && delta.Delta <= 0)
                    continue;
                evidence.Add($"{pod}: /stats: {Describe(delta)}");
                var status = delta.Delta > 0 ? counter.WhenRising : counter.WhenStanding;
                if (status != PathHopStatus.Pass && (verdict is null || Rank(status) > Rank(verdict.Status)))
                    verdict = new HopJudgement(status, [], counter.Summary(delta), counter.Fix, EnvoyConfirm.Stats(pod, counter.Filter));
            }
        }

        if (!seen)
            return new HopJudgement(PathHopStatus.Unknown, [$"{pod}: /stats: no {watching} counter"], $"{pod.Pod}'s stats hold no {watching} counter", "", "");
        if (evidence.Count == 0)
            evidence.Add($"{pod}: /stats: {watching}: all 0");
        return verdict is null
            ? new HopJudgement(PathHopStatus.Pass, evidence, "", "", "")
            : verdict with { Evidence = evidence };
    }

    /// <summary><c>name 12 -&gt; 15 in 2 s</c> for a counter that rose, <c>name 12, not rising</c> for one that did not.</summary>
    public static string Describe(EnvoyStatisticDelta delta) =>
        delta.Delta > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{delta.Name} {delta.Previous ?? 0} -> {delta.Current} in {Math.Round(delta.Interval.TotalSeconds, 1)} s")
            : string.Create(CultureInfo.InvariantCulture, $"{delta.Name} {delta.Current}, not rising");

    private static int Rank(PathHopStatus status) => status switch
    {
        PathHopStatus.Fail => 2,
        PathHopStatus.Warn => 1,
        _ => 0,
    };
}
