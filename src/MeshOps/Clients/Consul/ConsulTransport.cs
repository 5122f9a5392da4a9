using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MeshOps.Clients.Consul;

/// <summary>
/// The direct connection to a Consul server: TLS verification stays on unless CONSUL_HTTP_SSL_VERIFY=false, and with
/// CONSUL_CACERT the server's chain must end at that CA (and only that CA), as the consul CLI checks it.
/// </summary>
internal static class ConsulTransport
{
    public static SocketsHttpHandler Create(ConsulSettings settings, ClientTimeouts timeouts)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = timeouts.AttemptTimeout,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        if (!settings.VerifyTls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (settings.CaCertFile is { } caFile)
        {
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(LoadCa(caFile));
            handler.SslOptions.CertificateChainPolicy = policy;
        }

        return handler;
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        try
        {
            var bundle = new X509Certificate2Collection();
            bundle.ImportFromPemFile(path);
            return bundle.Count > 0 ? bundle : throw new CryptographicException("it holds no PEM certificate.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new ConsulSettingsException($"Cannot read the CA certificate {path} ({ConsulSettings.CaCertVariable}): {e.Message} Point it at the PEM file of the CA that signed the Consul server's certificate.", e);
        }
    }
}
