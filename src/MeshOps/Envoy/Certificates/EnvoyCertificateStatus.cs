namespace MeshOps.Envoy.Certificates;

/// <summary>
/// How far a certificate is through its lifetime. Consul's agent renews a leaf at a random time between 60 % and 90 %
/// of its lifetime and at once past 90 % (hashicorp/consul agent/leafcert/util.go <c>calculateSoftExpiry</c>: ~43 h to
/// ~65 h of a 72 h leaf), so a certificate still served past 90 % is one whose renewal should already have happened.
/// </summary>
public enum EnvoyCertificateStatus
{
    /// <summary>Less than 90 % of the lifetime used.</summary>
    Valid,

    /// <summary>90 % or more of the lifetime used and not yet expired: renewal should have replaced it (warning).</summary>
    RenewalOverdue,

    /// <summary>Past its expiration time: peers reject it (error).</summary>
    Expired,

    /// <summary>Its validity starts in the future (a clock skew between the CA and this node; peers reject it).</summary>
    NotYetValid,
}
