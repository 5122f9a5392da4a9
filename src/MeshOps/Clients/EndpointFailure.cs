namespace MeshOps.Clients;

/// <summary>Why a call to an endpoint failed, for callers that act on the kind rather than the words.</summary>
public enum EndpointFailure
{
    /// <summary>The server answered with an error status (<see cref="EndpointException.StatusCode"/>).</summary>
    Status,

    /// <summary>Nothing listened at the address.</summary>
    ConnectionRefused,

    /// <summary>The connection failed or closed before an answer (reset, dropped, name not resolved).</summary>
    ConnectionLost,

    /// <summary>The answer began but its body was cut short.</summary>
    Truncated,

    /// <summary>An attempt or the whole call ran out of time.</summary>
    Timeout,

    /// <summary>The TLS handshake failed: most often a server certificate that is not trusted.</summary>
    Tls,

    /// <summary>The server answered 2xx with a body that is not what the endpoint returns (not JSON, or another shape).</summary>
    InvalidResponse,
}
