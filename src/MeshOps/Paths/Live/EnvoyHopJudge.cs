using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// The live <c>Envoy</c> hop: what the two sidecars on the path show. The checks run in order of decisiveness (the
/// source's upstream cluster, its counters, the destination's counters, certificates, rejected xDS, logs) and the
/// first failing one gives the summary, fix and confirm command; every check adds its evidence. A check with nothing
/// read is Unknown, and the hop passes only when the source's upstream cluster was read, is healthy, and nothing
/// failing was seen.
/// </summary>
internal static class EnvoyHopJudge
{
    public static HopJudgement Judge(EnvoyPathData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var upstream = EnvoyUpstreamCheck.Judge(data);
        var checks = new List<HopJudgement> { upstream, EnvoyStatsChecks.Source(data) };
        if (data.Destination.Value is { } destination)
        {
            checks.Add(EnvoyStatsChecks.Destination(data, destination));
            checks.Add(EnvoyCertificateCheck.Judge(data.Source, data.Now));
            checks.Add(EnvoyCertificateCheck.Judge(destination, data.Now));
            checks.Add(EnvoyStatsChecks.Rejected(data.Source));
            checks.Add(EnvoyStatsChecks.Rejected(destination));
            checks.Add(EnvoyLogCheck.Judge(data.Source));
            checks.Add(EnvoyLogCheck.Judge(destination));
        }
        else
        {
            var why = EnvoyReading.Why(data.Destination);
            checks.Add(new HopJudgement(PathHopStatus.Unknown, [$"destination {data.DestinationService}: no sidecar read: {why}"], $"no sidecar of {data.DestinationService} could be read ({why})", "", ""));
            checks.Add(EnvoyCertificateCheck.Judge(data.Source, data.Now));
            checks.Add(EnvoyStatsChecks.Rejected(data.Source));
            checks.Add(EnvoyLogCheck.Judge(data.Source));
        }

        var evidence = checks.SelectMany(c => c.Evidence).ToList();
        var decisive = checks.FirstOrDefault(c => c.Status == PathHopStatus.Fail)
            ?? checks.FirstOrDefault(c => c.Status == PathHopStatus.Warn);
        if (decisive is not null)
            return decisive with { Evidence = evidence };
        if (upstream.Status != PathHopStatus.Pass)
        {
            var summary = checks.All(c => c.Status == PathHopStatus.Unknown)
                ? $"neither sidecar could be read ({upstream.Summary})"
                : upstream.Summary;
            return upstream with { Evidence = evidence, Summary = summary };
        }

        return upstream with { Evidence = evidence };
    }
}
