using System.Globalization;
using MeshOps.Envoy.Certificates;
using MeshOps.Paths.Hops;

namespace MeshOps.Paths.Live;

/// <summary>
/// One sidecar's certificates at the time of the read: an expired (or not yet valid) leaf or CA is refused by every
/// peer; one past 90 % of its lifetime should already have been renewed by Consul; none at all means Consul has not
/// delivered them (SDS), so the sidecar can neither accept nor make mTLS connections.
/// </summary>
internal static class EnvoyCertificateCheck
{
    public static HopJudgement Judge(EnvoySidecarData pod, DateTimeOffset now)
    {
        var confirm = EnvoyConfirm.Certificates(pod);
        if (pod.Certificates?.Value is not { } read)
        {
            var why = EnvoyReading.Why(pod.Certificates);
            return new HopJudgement(PathHopStatus.Unknown, [$"{pod}: /certs not read: {why}"], $"{pod.Pod}'s certificates could not be read ({why})", "", confirm);
        }

        if (read.Count == 0)
        {
            return new HopJudgement(
                PathHopStatus.Warn,
                [$"{pod}: /certs: no certificate loaded"],
                $"{pod.Pod}'s sidecar holds no certificate yet",
                "Consul delivers the CA and the leaf certificate over xDS once the sidecar is connected: see the sidecar log for Consul connection or ACL errors.",
                confirm);
        }

        // Envoy lists the same CA and leaf once per TLS context (public listener, each upstream).
        var certificates = read
            .Select(c => c with { CheckedAt = now })
            .DistinctBy(c => (c.Role, c.SerialNumber, c.ExpirationTime))
            .ToList();
        var evidence = certificates.Select(c => $"{pod}: /certs: {Describe(c)}").ToList();
        var broken = certificates.FirstOrDefault(c => c.Status is EnvoyCertificateStatus.Expired or EnvoyCertificateStatus.NotYetValid);
        if (broken is not null)
        {
            return new HopJudgement(
                PathHopStatus.Fail,
                evidence,
                $"{pod.Pod}'s {Role(broken)} certificate {(broken.Status == EnvoyCertificateStatus.Expired ? "has expired" : "is not yet valid")}",
                broken.Status == EnvoyCertificateStatus.Expired
                    ? "Consul renews leaf certificates before they expire; an expired one means the sidecar lost Consul (see its log) or the CA expired: restart the pod once Consul is reachable, and check consul connect ca get-config."
                    : "The certificate's validity starts in the future: the clocks of this node and the Consul servers disagree; fix NTP on the node.",
                confirm);
        }

        var overdue = certificates.FirstOrDefault(c => c.Status == EnvoyCertificateStatus.RenewalOverdue);
        if (overdue is not null)
        {
            return new HopJudgement(
                PathHopStatus.Warn,
                evidence,
                $"{pod.Pod}'s {Role(overdue)} certificate is past 90 % of its lifetime and not renewed",
                "Consul renews a leaf well before 90 % of its lifetime: the sidecar may have lost Consul (see its log).",
                confirm);
        }

        return new HopJudgement(PathHopStatus.Pass, evidence, "", "", confirm);
    }

    private static string Role(EnvoyCertificate certificate) => certificate.Role switch
    {
        EnvoyCertificateRole.Leaf => "leaf",
        EnvoyCertificateRole.CertificateAuthority => "CA",
        _ => "intermediate",
    };

    private static string Describe(EnvoyCertificate certificate)
    {
        var name = certificate.SpiffeId ?? certificate.SerialNumber ?? "?";
        var expires = certificate.ExpirationTime?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "?";
        var status = certificate.Status switch
        {
            EnvoyCertificateStatus.Expired => "expired",
            EnvoyCertificateStatus.NotYetValid => "not yet valid",
            EnvoyCertificateStatus.RenewalOverdue => "renewal overdue",
            _ => "valid",
        };
        return $"{Role(certificate)} {name} expires {expires} ({status})";
    }
}
