namespace MeshOps.Envoy.Logs;

/// <summary>What a recognised line of a sidecar's log (consul-dataplane and the Envoy it runs) says.</summary>
public enum SidecarLogKind
{
    /// <summary>consul-dataplane cannot reach a Consul server: no xDS, no certificates, no catalog for this sidecar.</summary>
    ConsulUnreachable,

    /// <summary>Consul refused the ACL login (auth method or its binding rule, the pod's ServiceAccount token).</summary>
    AclLoginRefused,

    /// <summary>A TLS certificate was refused (unknown authority, expired, wrong SAN) on the way to Consul or to a peer sidecar.</summary>
    CertificateError,

    /// <summary>Envoy's xDS stream to consul-dataplane keeps closing: configuration stops arriving.</summary>
    XdsStreamFailure,

    /// <summary>Envoy rejected (NACKed) configuration Consul sent: that resource keeps its last good version.</summary>
    ConfigRejected,

    /// <summary>consul-dataplane is connected to a Consul server (what follows a failure once it recovers).</summary>
    ConsulConnected,
}
