using System.Text.RegularExpressions;
using MeshOps.Envoy.Stats;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// The counters the <c>Envoy</c> hop watches (names from envoyproxy/envoy's cluster, TLS and RBAC stats; see
/// ../shared/research/envoy.md §2): on the source, its upstream cluster for the destination; on the destination, the
/// connections its sidecar makes to the app (<c>local_app</c>) and the ones intentions deny; on both, rejected xDS.
/// </summary>
internal static partial class EnvoyStatsChecks
{
    private static readonly string[] TlsFailures = ["ssl.connection_error", "ssl.fail_verify_error", "ssl.fail_verify_san", "ssl.fail_verify_no_cert", "ssl.fail_verify_cert_hash"];

    public static HopJudgement Source(EnvoyPathData data)
    {
        var service = data.DestinationService;
        var pod = data.Source.Pod;
        bool Upstream(EnvoyStatisticDelta d, string suffix) =>
            d.Cluster is { } cluster && EnvoyUpstreamCheck.Reaches(cluster.Name, data)
            && d.Name.Length == "cluster.".Length + cluster.Name.Length + 1 + suffix.Length && d.Name.EndsWith("." + suffix, StringComparison.Ordinal);
        var filter = $"cluster\\.[^ ]*{Regex.Escape(service)}[^ ]*\\.(upstream_cx_connect_fail|upstream_cx_none_healthy|ssl\\.)";
        return EnvoyCounterCheck.Judge(data.Source, $"upstream cluster {service}",
        [
            // First: a failed handshake also counts as a failed connect (ssl_socket.cc raises Connected only after it), and
            // the ssl.* counter says which.
            new(d => TlsFailures.Any(t => Upstream(d, t)), PathHopStatus.Fail, PathHopStatus.Pass,
                d => $"TLS handshakes from {pod}'s sidecar to {service} are failing ({EnvoyCounterCheck.Describe(d)})",
                "Both sidecars must hold leaf certificates of the same Consul CA with the SPIFFE ID of their service: compare /certs on both pods with consul connect ca get-config.",
                filter),
            new(d => Upstream(d, "upstream_cx_connect_fail"), PathHopStatus.Fail, PathHopStatus.Pass,
                d => $"{pod}'s sidecar is failing to connect to {service} ({EnvoyCounterCheck.Describe(d)})",
                $"Connections from the source's sidecar to {service}'s sidecars (port 20000) fail before they are established (Envoy counts one only after its mTLS handshake): refused, timed out, or a failed handshake, which the ssl.* counters show. Check {service}'s pods and sidecars are ready, that no NetworkPolicy blocks inbound 20000, and the Listener hop.",
                filter),
            new(d => Upstream(d, "upstream_cx_none_healthy"), PathHopStatus.Fail, PathHopStatus.Pass,
                d => $"{pod}'s sidecar finds no healthy host of {service} ({EnvoyCounterCheck.Describe(d)})",
                $"Envoy sends only to instances Consul reports passing: make {service}'s pods Ready so their Consul checks pass (see the Catalog hop).",
                filter),
        ]);
    }

    public static HopJudgement Destination(EnvoyPathData data, EnvoySidecarData destination)
    {
        var service = data.DestinationService;
        var pod = destination.Pod;
        return EnvoyCounterCheck.Judge(destination, "local_app or RBAC",
        [
            new(d => d.Name == "cluster.local_app.upstream_cx_connect_fail", PathHopStatus.Fail, PathHopStatus.Pass,
                d => $"{pod}'s sidecar is failing to connect to its app ({EnvoyCounterCheck.Describe(d)})",
                $"The sidecar forwards to 127.0.0.1:<the port consul-k8s registered>: {service}'s app must listen there, on 127.0.0.1 or 0.0.0.0 (see the Listener hop).",
                "local_app\\.upstream_cx_connect_fail"),
            // The RBAC counters are per listener, not per caller: a denied client of another service rises them too,
            // so they warn; whether this source is denied is the Intention and Catalog hops' decision.
            new(d => RbacDenied().IsMatch(d.Name), PathHopStatus.Warn, PathHopStatus.Pass,
                d => $"intentions are denying some caller at {pod} ({EnvoyCounterCheck.Describe(d)}; the counter does not say which)",
                $"{service}'s sidecar enforces intentions: if {data.SourceService ?? "the source"} is the caller denied, allow {data.SourceService ?? "the source"} -> {service} in a ServiceIntentions (see the Intention hop).",
                "rbac\\.denied"),
            new(d => ListenerTls().IsMatch(d.Name), PathHopStatus.Warn, PathHopStatus.Pass,
                d => $"TLS handshakes into {pod}'s sidecar are failing ({EnvoyCounterCheck.Describe(d)})",
                "A caller presents no certificate of this Consul CA (a caller outside the mesh, or a sidecar of another CA): compare /certs on both pods.",
                "listener\\..*\\.ssl\\.(connection_error|fail_verify)"),
        ]);
    }

    /// <summary>
    /// xDS updates Envoy refused (<c>cluster_manager.cds.update_rejected</c>, <c>listener_manager.lds.update_rejected</c>,
    /// per-cluster EDS and RDS ones): any count means some configuration from Consul is not in force; Consul's
    /// troubleshooter reports the same sum.
    /// </summary>
    public static HopJudgement Rejected(EnvoySidecarData pod) =>
        EnvoyCounterCheck.Judge(pod, "update_rejected",
        [
            new(d => d.Name.EndsWith("update_rejected", StringComparison.Ordinal), PathHopStatus.Warn, PathHopStatus.Warn,
                d => $"{pod.Pod}'s Envoy rejected configuration from Consul ({EnvoyCounterCheck.Describe(d)})",
                "The sidecar log says why ('gRPC config for … rejected'), as does /config_dump's error_state: fix the config entry it names.",
                "update_rejected"),
        ]);

    // Network RBAC (L4 intentions) is connect_authzrbac.* before Envoy 1.29 and connect_authz.rbac.* since; L7 intentions
    // count under the public listener's HTTP connection manager.
    [GeneratedRegex(@"^(connect_authz\.?rbac|http\.public_listener\.rbac)\.denied$")]
    private static partial Regex RbacDenied();

    [GeneratedRegex(@"^listener\..+\.ssl\.(connection_error|fail_verify_[a-z_]+)$")]
    private static partial Regex ListenerTls();
}
