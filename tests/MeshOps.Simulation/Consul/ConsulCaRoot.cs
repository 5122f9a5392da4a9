using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshOps.Simulation.Consul;

/// <summary>
/// The Connect CA root a fresh Consul server makes for itself: a self-signed EC P-256 certificate whose SAN is the
/// trust domain's SPIFFE ID, named by its subject key ID in colon hex (as /v1/connect/ca/roots shows it).
/// </summary>
public sealed record ConsulCaRoot(string Id, string Name, long SerialNumber, string SigningKeyId, DateTimeOffset NotBefore, DateTimeOffset NotAfter, string RootCertPem)
{
    public static ConsulCaRoot Create(string trustDomain, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Consul CA 7", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        var subjectKey = new X509SubjectKeyIdentifierExtension(request.PublicKey, false);
        request.CertificateExtensions.Add(subjectKey);
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri($"spiffe://{trustDomain}"));
        request.CertificateExtensions.Add(san.Build());
        var notBefore = now.AddMinutes(-1);
        var notAfter = now.AddYears(10);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        var id = ColonHex(Convert.FromHexString(subjectKey.SubjectKeyIdentifier!));
        var signingKeyId = ColonHex(SHA256.HashData(certificate.GetPublicKey()));
        return new ConsulCaRoot(id, "Consul CA Root Cert", 7, signingKeyId, notBefore, notAfter, certificate.ExportCertificatePem() + "\n");
    }

    private static string ColonHex(byte[] bytes) => string.Join(':', bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
