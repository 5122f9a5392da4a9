using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshOps.Simulation.Consul;

/// <summary>
/// A CA made at start and a server certificate it signs for 127.0.0.1 and localhost, as consul-k8s's TLS init does for
/// consul-server: a client trusts the server only through <see cref="CertificateAuthorityPem"/> (CONSUL_CACERT).
/// </summary>
internal sealed class ConsulServerCertificate : IDisposable
{
    private ConsulServerCertificate(X509Certificate2 server, string authorityPem)
    {
        Server = server;
        CertificateAuthorityPem = authorityPem;
    }

    public X509Certificate2 Server { get; }

    public string CertificateAuthorityPem { get; }

    public static ConsulServerCertificate Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Consul Agent CA (simulated)", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var authority = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=server.dc1.consul", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        san.AddDnsName("server.dc1.consul");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var signed = request.Create(authority, now.AddMinutes(-5), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(serverKey);
        // Kestrel on some platforms cannot use an ephemeral key; a PKCS#12 round trip gives it a persisted one.
        var server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        return new ConsulServerCertificate(server, authority.ExportCertificatePem() + "\n");
    }

    public void Dispose() => Server.Dispose();
}
