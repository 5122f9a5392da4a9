namespace MeshOps.Envoy.Clusters;

/// <summary>
/// Why Envoy will not (or would rather not) send to a host: the flags <c>/clusters</c> prints as
/// <c>/failed_eds_health/…</c> (envoyproxy/envoy source/common/upstream/host_utility.cc) and the JSON form spells out in
/// <c>health_status</c>. <see cref="None"/> is Envoy's <c>healthy</c>.
/// </summary>
[Flags]
public enum EnvoyHostHealthFlags
{
    None = 0,

    /// <summary>Active health checking failed (<c>/failed_active_hc</c>, JSON <c>failed_active_health_check</c>).</summary>
    FailedActiveHealthCheck = 1,

    /// <summary>Ejected by outlier detection (<c>/failed_outlier_check</c>).</summary>
    FailedOutlierCheck = 2,

    /// <summary>
    /// The control plane marked the endpoint unhealthy (<c>/failed_eds_health</c>, JSON <c>eds_health_status</c> other
    /// than HEALTHY/DEGRADED): Consul does this for an instance whose Consul health checks fail.
    /// </summary>
    FailedEdsHealth = 4,

    /// <summary>Active health checking reports it degraded (<c>/degraded_active_hc</c>, JSON <c>failed_active_degraded_check</c>).</summary>
    DegradedActiveHealthCheck = 8,

    /// <summary>EDS reports it degraded (<c>/degraded_eds_health</c>, JSON <c>eds_health_status: DEGRADED</c>).</summary>
    DegradedEdsHealth = 16,

    /// <summary>Removed by EDS but kept until its active health check fails (<c>/pending_dynamic_removal</c>).</summary>
    PendingDynamicRemoval = 32,

    /// <summary>Waiting for its first active health check (<c>/pending_active_hc</c>).</summary>
    PendingActiveHealthCheck = 64,

    /// <summary>Excluded after an immediate health check failure (<c>/excluded_via_immediate_hc_fail</c>).</summary>
    ExcludedViaImmediateHealthCheckFail = 128,

    /// <summary>The last active health check timed out (<c>/active_hc_timeout</c>).</summary>
    ActiveHealthCheckTimeout = 256,

    /// <summary>EDS reports the endpoint draining (<c>/eds_status_draining</c>, JSON <c>eds_health_status: DRAINING</c>; newer Envoy).</summary>
    EdsStatusDraining = 512,

    /// <summary>A flag this version of MeshOps does not know; counted as a failure so a host is never shown healthy by mistake.</summary>
    Other = 1024,
}
