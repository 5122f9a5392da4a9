namespace MeshOps.Envoy.Clusters;

/// <summary>The <c>health_flags</c> text: <c>healthy</c> or <c>/flag/flag</c> (envoyproxy/envoy source/common/upstream/host_utility.cc).</summary>
internal static class HealthFlagText
{
    private static readonly Dictionary<string, EnvoyHostHealthFlags> Names = new(StringComparer.Ordinal)
    {
        ["failed_active_hc"] = EnvoyHostHealthFlags.FailedActiveHealthCheck,
        ["failed_outlier_check"] = EnvoyHostHealthFlags.FailedOutlierCheck,
        ["failed_eds_health"] = EnvoyHostHealthFlags.FailedEdsHealth,
        ["degraded_active_hc"] = EnvoyHostHealthFlags.DegradedActiveHealthCheck,
        ["degraded_eds_health"] = EnvoyHostHealthFlags.DegradedEdsHealth,
        ["pending_dynamic_removal"] = EnvoyHostHealthFlags.PendingDynamicRemoval,
        ["pending_active_hc"] = EnvoyHostHealthFlags.PendingActiveHealthCheck,
        ["excluded_via_immediate_hc_fail"] = EnvoyHostHealthFlags.ExcludedViaImmediateHealthCheckFail,
        ["active_hc_timeout"] = EnvoyHostHealthFlags.ActiveHealthCheckTimeout,
        ["eds_status_draining"] = EnvoyHostHealthFlags.EdsStatusDraining,
    };

    /// <summary>The flags, or null when the text is neither form. A flag a newer Envoy adds is <see cref="EnvoyHostHealthFlags.Other"/>.</summary>
    public static EnvoyHostHealthFlags? Parse(string text)
    {
        if (text == "healthy")
            return EnvoyHostHealthFlags.None;
        if (!text.StartsWith('/'))
            return null;
        var flags = EnvoyHostHealthFlags.None;
        foreach (var name in text.Split('/', StringSplitOptions.RemoveEmptyEntries))
            flags |= Names.TryGetValue(name, out var flag) ? flag : EnvoyHostHealthFlags.Other;

        return flags;
    }
}
