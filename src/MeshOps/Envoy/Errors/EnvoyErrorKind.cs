namespace MeshOps.Envoy.Errors;

/// <summary>What kind of Envoy output a line holds.</summary>
public enum EnvoyErrorKind
{
    /// <summary><c>upstream connect error or disconnect/reset before headers. … reset reason: …</c> (503, 502 for a protocol error).</summary>
    UpstreamReset,

    /// <summary><c>no healthy upstream</c> (503, UH).</summary>
    NoHealthyUpstream,

    /// <summary><c>upstream request timeout</c> (504, UT).</summary>
    UpstreamRequestTimeout,

    /// <summary><c>upstream max stream duration reached</c>.</summary>
    MaxStreamDuration,

    /// <summary><c>RBAC: access denied</c> (403): an intention or the default denied a request to an HTTP service.</summary>
    AccessDenied,

    /// <summary>An access-log line (Envoy's default text format or Consul's JSON format) whose response flags or code tell a failure.</summary>
    AccessLog,

    /// <summary>The sidecar lost its xDS stream to Consul (<c>gRPC config stream to local_agent closed</c>).</summary>
    ControlPlaneStream,
}
