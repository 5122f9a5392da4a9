using System.Globalization;
using System.Text;

namespace MeshOps.Benchmarks;

/// <summary>
/// A synthetic Envoy sidecar with 2,000 Consul upstream clusters: its <c>/stats</c> text (500,000 lines: every
/// cluster's counters and gauges, then three histograms per cluster as Envoy prints them, P0(i,c) … P100(i,c) or
/// "No recorded values") and the same stats as <c>/stats/prometheus</c> (families, envoy_cluster_name labels,
/// _bucket/_sum/_count). Written straight to UTF-8 bytes.
/// </summary>
internal static class EnvoyStatsDump
{
    public const int Clusters = 2000;
    public const int TextLines = 500_000;

    private const string TrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";
    private static readonly string[] Histograms = ["upstream_cx_connect_ms", "upstream_cx_length_ms", "upstream_rq_time"];
    private static readonly double[] Quantiles = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 100];
    private static readonly double[] Buckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    /// <summary>Cluster stat suffixes of a real consul-dataplane sidecar, with response codes filling each cluster to its share of the lines.</summary>
    private static readonly string[] BaseSuffixes =
    [
        "assignment_stale", "assignment_timeout_received", "bind_errors", "circuit_breakers.default.cx_open",
        "circuit_breakers.default.cx_pool_open", "circuit_breakers.default.rq_open", "circuit_breakers.default.rq_pending_open",
        "circuit_breakers.default.rq_retry_open", "circuit_breakers.high.cx_open", "circuit_breakers.high.cx_pool_open",
        "circuit_breakers.high.rq_open", "circuit_breakers.high.rq_pending_open", "circuit_breakers.high.rq_retry_open",
        "default.total_match_count", "external.upstream_rq_200", "internal.upstream_rq_503", "lb_healthy_panic",
        "lb_local_cluster_not_ok", "lb_recalculate_zone_structures", "lb_subsets_active", "lb_subsets_created",
        "lb_subsets_fallback", "lb_subsets_fallback_panic", "lb_subsets_removed", "lb_subsets_selected",
        "lb_zone_cluster_too_small", "lb_zone_no_capacity_left", "lb_zone_number_differs", "lb_zone_routing_all_directly",
        "lb_zone_routing_cross_zone", "lb_zone_routing_sampled", "max_host_weight", "membership_change",
        "membership_degraded", "membership_excluded", "membership_healthy", "membership_total", "original_dst_host_invalid",
        "outlier_detection.ejections_active", "outlier_detection.ejections_consecutive_5xx", "outlier_detection.ejections_enforced_total",
        "retry_or_shadow_abandoned", "ssl.connection_error", "ssl.fail_verify_cert_hash", "ssl.fail_verify_error",
        "ssl.fail_verify_no_cert", "ssl.fail_verify_san", "ssl.handshake", "ssl.no_certificate", "ssl.session_reused",
        "update_attempt", "update_empty", "update_failure", "update_no_rebuild", "update_success", "upstream_cx_active",
        "upstream_cx_close_notify", "upstream_cx_connect_attempts_exceeded", "upstream_cx_connect_fail",
        "upstream_cx_connect_timeout", "upstream_cx_connect_with_0_rtt", "upstream_cx_destroy", "upstream_cx_destroy_local",
        "upstream_cx_destroy_local_with_active_rq", "upstream_cx_destroy_remote", "upstream_cx_destroy_remote_with_active_rq",
        "upstream_cx_destroy_with_active_rq", "upstream_cx_http1_total", "upstream_cx_http2_total", "upstream_cx_http3_total",
        "upstream_cx_idle_timeout", "upstream_cx_max_duration_reached", "upstream_cx_max_requests", "upstream_cx_none_healthy",
        "upstream_cx_overflow", "upstream_cx_pool_overflow", "upstream_cx_protocol_error", "upstream_cx_rx_bytes_buffered",
        "upstream_cx_rx_bytes_total", "upstream_cx_total", "upstream_cx_tx_bytes_buffered", "upstream_cx_tx_bytes_total",
        "upstream_flow_control_backed_up_total", "upstream_flow_control_drained_total", "upstream_flow_control_paused_reading_total",
        "upstream_flow_control_resumed_reading_total", "upstream_internal_redirect_failed_total", "upstream_internal_redirect_succeeded_total",
        "upstream_rq_active", "upstream_rq_cancelled", "upstream_rq_completed", "upstream_rq_maintenance_mode",
        "upstream_rq_max_duration_reached", "upstream_rq_pending_active", "upstream_rq_pending_failure_eject",
        "upstream_rq_pending_overflow", "upstream_rq_pending_total", "upstream_rq_per_try_idle_timeout", "upstream_rq_per_try_timeout",
        "upstream_rq_retry", "upstream_rq_retry_backoff_exponential", "upstream_rq_retry_backoff_ratelimited",
        "upstream_rq_retry_limit_exceeded", "upstream_rq_retry_overflow", "upstream_rq_retry_success", "upstream_rq_rx_reset",
        "upstream_rq_timeout", "upstream_rq_total", "upstream_rq_tx_reset", "version",
    ];

    public static string[] Suffixes { get; } = MakeSuffixes();

    public static string ClusterName(int i) => $"service-{i:D4}.default.dc1.internal.{TrustDomain}";

    public static byte[] Text()
    {
        var text = new StringBuilder(64 << 20);
        var random = new Random(12);
        for (var c = 0; c < Clusters; c++)
        {
            var cluster = ClusterName(c);
            foreach (var suffix in Suffixes)
                text.Append("cluster.").Append(cluster).Append('.').Append(suffix).Append(": ").Append(Value(random, suffix)).Append('\n');
        }

        for (var c = 0; c < Clusters; c++)
        {
            foreach (var histogram in Histograms)
            {
                text.Append("cluster.").Append(ClusterName(c)).Append('.').Append(histogram).Append(": ");
                if (c % 4 == 3)
                {
                    text.Append("No recorded values\n");
                    continue;
                }

                for (var q = 0; q < Quantiles.Length; q++)
                {
                    var interval = q % 3 == 0 ? "nan" : (q * 1.5).ToString(CultureInfo.InvariantCulture);
                    text.Append(CultureInfo.InvariantCulture, $"P{Quantiles[q]}({interval},{Math.Round(Quantiles[q] * 1.03 + c % 7, 2)})").Append(q < Quantiles.Length - 1 ? ' ' : '\n');
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same stats as Envoy's Prometheus page: one family per suffix, each cluster a sample labelled with its name.</summary>
    public static byte[] Prometheus()
    {
        var text = new StringBuilder(160 << 20);
        var random = new Random(12);
        var values = new ulong[Clusters, Suffixes.Length];
        for (var c = 0; c < Clusters; c++)
        {
            for (var s = 0; s < Suffixes.Length; s++)
                values[c, s] = Value(random, Suffixes[s]);
        }

        for (var s = 0; s < Suffixes.Length; s++)
        {
            var family = "envoy_cluster_" + Suffixes[s].Replace('.', '_');
            text.Append("# TYPE ").Append(family).Append(IsGauge(Suffixes[s]) ? " gauge\n" : " counter\n");
            for (var c = 0; c < Clusters; c++)
                text.Append(family).Append("{envoy_cluster_name=\"").Append(ClusterName(c)).Append("\"} ").Append(values[c, s]).Append('\n');
        }

        foreach (var histogram in Histograms)
        {
            var family = "envoy_cluster_" + histogram;
            text.Append("# TYPE ").Append(family).Append(" histogram\n");
            for (var c = 0; c < Clusters; c++)
            {
                var labels = "envoy_cluster_name=\"" + ClusterName(c) + "\"";
                var count = c % 4 == 3 ? 0 : 10 + c % 7;
                for (var b = 0; b < Buckets.Length; b++)
                    text.Append(CultureInfo.InvariantCulture, $"{family}_bucket{{{labels},le=\"{Buckets[b]}\"}} {Math.Min(count, b)}\n");
                text.Append(CultureInfo.InvariantCulture, $"{family}_bucket{{{labels},le=\"+Inf\"}} {count}\n");
                text.Append(CultureInfo.InvariantCulture, $"{family}_sum{{{labels}}} {count * 12.5}\n");
                text.Append(CultureInfo.InvariantCulture, $"{family}_count{{{labels}}} {count}\n");
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static ulong Value(Random random, string suffix) =>
        random.Next(3) == 0 ? 0 : (ulong)random.NextInt64(1, suffix.Contains("bytes", StringComparison.Ordinal) ? 10_000_000_000 : 100_000);

    private static bool IsGauge(string suffix) =>
        suffix.Contains("active", StringComparison.Ordinal) || suffix.Contains("_open", StringComparison.Ordinal) || suffix.StartsWith("membership_", StringComparison.Ordinal)
        || suffix.Contains("buffered", StringComparison.Ordinal) || suffix is "max_host_weight" or "version" or "lb_subsets_active";

    private static string[] MakeSuffixes()
    {
        var perCluster = (TextLines / Clusters) - Histograms.Length;
        var suffixes = new SortedSet<string>(BaseSuffixes, StringComparer.Ordinal);
        for (var code = 200; suffixes.Count < perCluster; code++)
        {
            suffixes.Add($"upstream_rq_{code}");
            if (suffixes.Count < perCluster)
                suffixes.Add($"retry.upstream_rq_{code}");
        }

        return [.. suffixes];
    }
}
