using MeshOps.Envoy.Logs;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// The tail of one sidecar's log, scanned for known failures: losing Consul (unreachable, ACL login refused) stops
/// configuration and certificate renewal, so it fails the hop unless a later line says the sidecar connected again;
/// certificate, xDS-stream and rejected-config lines warn. Each recognised kind is quoted once (its last line).
/// </summary>
internal static class EnvoyLogCheck
{
    public static HopJudgement Judge(EnvoySidecarData pod)
    {
        var confirm = EnvoyConfirm.Logs(pod);
        if (pod.LogLines?.Value is not { } lines)
        {
            var why = EnvoyReading.Why(pod.LogLines);
            return new HopJudgement(PathHopStatus.Unknown, [$"{pod}: log not read: {why}"], $"{pod.Pod}'s sidecar log could not be read ({why})", "", confirm);
        }

        var matches = SidecarLogScanner.Scan(lines);
        var failures = matches.Where(m => m.IsFailure).GroupBy(m => m.Kind).Select(g => (Kind: g.Key, Last: g.Last(), Count: g.Count())).OrderBy(f => f.Kind).ToList();
        if (failures.Count == 0)
            return new HopJudgement(PathHopStatus.Pass, [$"{pod}: log ({lines.Count} lines): no known sidecar failure"], "", "", confirm);

        var lastConnected = matches.LastOrDefault(m => m.Kind == SidecarLogKind.ConsulConnected)?.Index ?? -1;
        var evidence = failures.Select(f => $"{pod}: log: {f.Kind} x{f.Count}, last: {f.Last.Line}").ToList();
        var blocking = failures.FirstOrDefault(f => f.Kind is SidecarLogKind.ConsulUnreachable or SidecarLogKind.AclLoginRefused && f.Last.Index > lastConnected);
        if (blocking.Last is not null)
            return new HopJudgement(PathHopStatus.Fail, evidence, $"{pod.Pod}'s sidecar: {blocking.Last.Meaning}", Fix(blocking.Kind), confirm);

        var first = failures[0];
        var recovered = first.Kind is SidecarLogKind.ConsulUnreachable or SidecarLogKind.AclLoginRefused;
        return new HopJudgement(
            PathHopStatus.Warn,
            evidence,
            recovered ? $"{pod.Pod}'s sidecar lost Consul and has connected again since" : $"{pod.Pod}'s sidecar: {first.Last.Meaning}",
            Fix(first.Kind),
            confirm);
    }

    private static string Fix(SidecarLogKind kind) => kind switch
    {
        SidecarLogKind.ConsulUnreachable => "Make the Consul servers reachable from the pod on gRPC 8502 (servers running, DNS of the servers' address, NetworkPolicies).",
        SidecarLogKind.AclLoginRefused => "The sidecar logs in with the pod's ServiceAccount token through consul-k8s' auth method: the ServiceAccount must be named as the service, and the auth method and binding rule must exist.",
        SidecarLogKind.CertificateError => "For an x509 line, check the CA the pod trusts (global.tls.caCert) against the Consul servers' certificate; for CERTIFICATE_VERIFY_FAILED (mTLS between sidecars, where consul-dataplane's link to Envoy uses no TLS), compare both sidecars' certificates and roots (Get-EnvoyCertificate) with consul connect ca get-config.",
        SidecarLogKind.ConfigRejected => "The rejected line says what Envoy refused: fix the config entry (service-defaults, router, escape hatch) it comes from.",
        _ => "Envoy's xDS stream to consul-dataplane is failing: see the consul-dataplane lines around it for the Consul side.",
    };
}
