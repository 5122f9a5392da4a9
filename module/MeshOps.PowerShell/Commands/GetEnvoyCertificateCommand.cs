using System.Management.Automation;
using MeshOps.Envoy;
using MeshOps.Envoy.Admin;
using MeshOps.Envoy.Certificates;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads <c>/certs</c> of each sidecar: every certificate of every SSL context (the Consul CA, the service's leaf
/// and any intermediate) with its SPIFFE ID, validity, time to expiry and a status judged by the fraction of its
/// lifetime used, as of the moment it was read.
/// </summary>
[Cmdlet(VerbsCommon.Get, "EnvoyCertificate", DefaultParameterSetName = PodSet)]
[OutputType(typeof(EnvoyCertificate))]
public sealed class GetEnvoyCertificateCommand : EnvoyAdminCmdlet
{
    /// <summary>Keeps the certificates whose status is not Valid: renewal overdue, expired, or not yet valid.</summary>
    [Parameter]
    public SwitchParameter Problem { get; set; }

    protected override async Task<IReadOnlyList<object>> ReadLiveAsync(IEnvoyAdmin admin, CancellationToken cancellationToken)
    {
        var response = await admin.GetAsync("/certs", cancellationToken).ConfigureAwait(false);
        return [.. EnvoyCertificatesParser.Parse(admin.Source, response.Body, DateTimeOffset.UtcNow)];
    }

    protected override IReadOnlyList<object> ReadSaved(EnvoySource source, ReadOnlyMemory<byte> content) =>
        [.. EnvoyCertificatesParser.Parse(source, content, DateTimeOffset.UtcNow)];

    protected override void WriteResults(EnvoySource source, IReadOnlyList<object> results)
    {
        if (results.Count == 0)
        {
            // Nothing to judge is not "all valid": a Consul sidecar without TLS contexts cannot take or make mTLS connections.
            WriteWarning($"{source}: Envoy has no certificate loaded (/certs lists no TLS context). A Consul sidecar gets its "
                + "certificates over SDS from Consul once its xDS stream is up: check Get-EnvoyServerInfo (State) and the sidecar's log.");
        }

        // Envoy lists the same leaf in every SSL context (listener and each upstream): one warning per certificate.
        foreach (var certificate in results.Cast<EnvoyCertificate>().Where(c => c.Status != EnvoyCertificateStatus.Valid)
                     .DistinctBy(c => (c.Role, c.SerialNumber, c.ExpirationTime)))
        {
            WriteWarning($"{source}: {Describe(certificate)}");
        }

        base.WriteResults(source, Problem ? results.Cast<EnvoyCertificate>().Where(c => c.Status != EnvoyCertificateStatus.Valid).ToList<object>() : results);
    }

    private static string Describe(EnvoyCertificate certificate)
    {
        var name = $"the {certificate.Role} certificate {certificate.SpiffeId ?? certificate.SerialNumber}";
        return certificate.Status switch
        {
            EnvoyCertificateStatus.Expired when certificate.Role == EnvoyCertificateRole.Leaf =>
                $"{name} expired at {certificate.ExpirationTime:u}; peers reject it. Consul renews leaves between 60 % and 90 % of "
                + "their lifetime: check that the Consul client agent or consul-dataplane of this pod reaches the Consul servers.",
            EnvoyCertificateStatus.Expired => $"{name} expired at {certificate.ExpirationTime:u}; peers reject what it signed. "
                + "Rotate the Consul CA (consul connect ca set-config).",
            EnvoyCertificateStatus.NotYetValid => $"{name} is valid only from {certificate.ValidFrom:u}: this node's clock or the CA's is wrong.",
            _ => $"{name} has used {certificate.LifetimeUsed:P0} of its lifetime and expires at {certificate.ExpirationTime:u}; "
                + "Consul renews leaves by 90 %, so its renewal is overdue.",
        };
    }
}
