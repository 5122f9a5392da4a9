using MeshOps.Envoy;
using MeshOps.Envoy.Clusters;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// Whether the source's sidecar has a cluster for the destination and a healthy host in it: Consul gives a sidecar a
/// cluster only for what it may call, and Envoy sends only to hosts Consul reports passing (no healthy host is
/// <c>no healthy upstream</c>, 503 UH).
/// </summary>
internal static class EnvoyUpstreamCheck
{
    /// <summary>
    /// Whether a cluster reaches the service: Consul's SNI names (<c>svc.ns.dc.internal.td</c>, peered, prepared query,
    /// with any <c>failover-target~</c>-style prefix), or the bare service name older explicit upstreams were given.
    /// </summary>
    public static bool Reaches(string cluster, EnvoyPathData data) =>
        ConsulClusterName.Parse(cluster).Reaches(data.DestinationService, data.DestinationConsulNamespace)
        || string.Equals(cluster, data.DestinationService, StringComparison.Ordinal);

    public static HopJudgement Judge(EnvoyPathData data)
    {
        var source = data.Source;
        var service = data.DestinationService;
        var confirm = EnvoyConfirm.Clusters(source, service);
        if (source.Clusters?.Value is not { } clusters)
        {
            var why = EnvoyReading.Why(source.Clusters);
            return new HopJudgement(PathHopStatus.Unknown, [$"{source}: /clusters not read: {why}"], $"{source.Pod}'s upstream clusters could not be read ({why})", "", confirm);
        }

        var reaching = clusters.Where(c => Reaches(c.Name, data)).ToList();
        if (reaching.Count == 0)
        {
            var names = string.Join(", ", clusters.Select(c => c.Name));
            return new HopJudgement(
                PathHopStatus.Fail,
                [$"{source}: /clusters: no cluster reaches {service} (it has {names})"],
                $"{source.Pod}'s sidecar has no upstream cluster for {service}",
                $"Consul gives a sidecar a cluster only for an upstream it may call: with transparent proxy, {service} must be registered in Consul and an intention must allow {data.SourceService ?? "the source"} -> {service}; without it, list {service} in the source's consul.hashicorp.com/connect-service-upstreams.",
                confirm);
        }

        var evidence = reaching.Select(c => $"{source}: /clusters: {c.Name}: {c.HealthyHostCount}/{c.HostCount} hosts healthy{Unhealthy(c)}").ToList();
        var healthy = reaching.Sum(c => c.HealthyHostCount);
        if (healthy == 0)
        {
            var hosts = reaching.Sum(c => c.HostCount);
            return new HopJudgement(
                PathHopStatus.Fail,
                evidence,
                hosts == 0 ? $"{source.Pod}'s sidecar knows no endpoint of {service}" : $"{source.Pod}'s sidecar has no healthy endpoint of {service} ({hosts} known, none healthy)",
                $"Envoy sends only to instances Consul reports passing: make {service}'s pods Ready with a ready sidecar so consul-k8s marks their Consul checks passing (see the Catalog hop).",
                confirm);
        }

        return new HopJudgement(PathHopStatus.Pass, evidence, $"{source.Pod} reaches {service} through {healthy} healthy endpoint(s)", "", confirm);
    }

    private static string Unhealthy(EnvoyCluster cluster)
    {
        var failing = cluster.Hosts.Where(h => !h.Healthy).Select(h => $"{h.Address} {h.HealthFlags}").ToList();
        return failing.Count == 0 ? "" : $" (unhealthy: {string.Join(", ", failing)})";
    }
}
