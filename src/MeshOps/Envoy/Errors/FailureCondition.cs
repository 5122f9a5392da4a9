namespace MeshOps.Envoy.Errors;

/// <summary>The failure a line shows, at the level of detail its causes differ by.</summary>
public enum FailureCondition
{
    /// <summary>Envoy's output names no failure MeshOps has causes for.</summary>
    Other,
    ConnectionRefused,
    HostUnreachable,
    NetworkUnreachable,
    ConnectTimeout,
    ConnectionReset,

    /// <summary>A connect failure whose socket error the line does not give (flag UF, <c>connection failure</c> alone).</summary>
    ConnectFailure,
    TlsVerifyFailed,

    /// <summary>The other side did not answer in TLS (<c>WRONG_VERSION_NUMBER</c>): not a mesh sidecar.</summary>
    TlsNotSpoken,
    TlsOther,
    UpstreamClosed,

    /// <summary>Envoy reset the connection or stream itself (LR, "local reset"), not the upstream.</summary>
    LocalReset,
    NoHealthyUpstream,
    RequestTimeout,
    AccessDenied,
    NoRoute,
    NoCluster,
    Overflow,
    ProtocolError,

    /// <summary>The caller's own bytes broke HTTP at its sidecar (DPE): its sidecar answered 400 itself.</summary>
    CallerProtocolError,
    CallerClosed,
    RateLimited,
    MaxStreamDuration,
    ControlPlaneUnreachable,
}
