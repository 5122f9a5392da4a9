namespace MeshOps.Envoy.Certificates;

/// <summary>Where a certificate sits in an SSL context of <c>/certs</c>.</summary>
public enum EnvoyCertificateRole
{
    /// <summary>A root the context trusts (<c>ca_cert</c>): for Consul, the Connect CA whose SAN is <c>spiffe://&lt;trust-domain&gt;</c>.</summary>
    CertificateAuthority,

    /// <summary>The first certificate of <c>cert_chain</c>: the identity Envoy presents (Consul: the service's leaf, SAN = its SPIFFE ID).</summary>
    Leaf,

    /// <summary>A further certificate of <c>cert_chain</c> (an intermediate CA sent along with the leaf).</summary>
    Intermediate,
}
