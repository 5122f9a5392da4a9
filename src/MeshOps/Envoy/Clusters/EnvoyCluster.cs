namespace MeshOps.Envoy.Clusters;

/// <summary>
/// One cluster of an Envoy sidecar from <c>/clusters</c>, with its Consul name decoded (<see cref="ConsulName"/>:
/// service, namespace, partition, datacenter or peer) and its hosts. Equal when every field and every host is equal,
/// so the text and JSON forms of one answer compare equal.
/// </summary>
public sealed record EnvoyCluster
{
    public required EnvoySource Source { get; init; }

    /// <summary>The pod whose sidecar answered; null for a URL or file.</summary>
    public string? Pod => Source.Pod;

    /// <summary>
    /// The pod's Kubernetes namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace
    /// together; the Consul namespace the cluster reaches is <c>ConsulName.Namespace</c>.
    /// </summary>
    public string? Namespace => Source.Namespace;

    public required string Name { get; init; }

    public ConsulClusterName ConsulName => ConsulClusterName.Parse(Name);

    /// <summary>The Consul service the cluster reaches (null for <c>local_app</c>, <c>local_agent</c> and the like).</summary>
    public string? Service => ConsulName.Service;

    public EnvoyClusterRole Role => ConsulName.Role;

    public string? ObservabilityName { get; init; }

    public string? EdsServiceName { get; init; }

    /// <summary>Whether xDS (Consul) added the cluster; false for the bootstrap's static clusters.</summary>
    public bool AddedViaApi { get; init; }

    public EnvoyCircuitBreakerLimits? DefaultPriorityLimits { get; init; }

    public EnvoyCircuitBreakerLimits? HighPriorityLimits { get; init; }

    /// <summary>Outlier detection's success rate ejection threshold; null without outlier detection or data (text: -1).</summary>
    public double? SuccessRateEjectionThreshold { get; init; }

    public double? LocalOriginSuccessRateEjectionThreshold { get; init; }

    public IReadOnlyList<EnvoyClusterHost> Hosts { get; init; } = [];

    public int HostCount => Hosts.Count;

    public int HealthyHostCount => Hosts.Count(h => h.Healthy);

    /// <summary>
    /// False when a host is unhealthy, or when a cluster of a Consul upstream has no healthy host at all (Consul's
    /// troubleshooter: "No healthy endpoints for cluster"; requests to it fail with <c>no healthy upstream</c>).
    /// </summary>
    public bool Healthy =>
        Hosts.All(h => h.Healthy)
        && (HealthyHostCount > 0 || Role is not (EnvoyClusterRole.Upstream or EnvoyClusterRole.PeeredUpstream or EnvoyClusterRole.PreparedQuery));

    /// <summary>The sum of the hosts' <c>cx_connect_fail</c>.</summary>
    public ulong CxConnectFail => Hosts.Aggregate(0UL, (sum, h) => sum + h.CxConnectFail);

    public ulong CxActive => Hosts.Aggregate(0UL, (sum, h) => sum + h.CxActive);

    public bool Equals(EnvoyCluster? other) =>
        other is not null
        && Source == other.Source
        && Name == other.Name
        && ObservabilityName == other.ObservabilityName
        && EdsServiceName == other.EdsServiceName
        && AddedViaApi == other.AddedViaApi
        && DefaultPriorityLimits == other.DefaultPriorityLimits
        && HighPriorityLimits == other.HighPriorityLimits
        && SuccessRateEjectionThreshold == other.SuccessRateEjectionThreshold
        && LocalOriginSuccessRateEjectionThreshold == other.LocalOriginSuccessRateEjectionThreshold
        && Hosts.SequenceEqual(other.Hosts);

    public override int GetHashCode() => HashCode.Combine(Source, Name, Hosts.Count);

    public override string ToString() => Name;
}
