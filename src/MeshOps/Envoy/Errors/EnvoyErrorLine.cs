namespace MeshOps.Envoy.Errors;

/// <summary>
/// What one line of Envoy output says, field by field: the local reply Envoy sent (the text a caller sees), or an
/// access-log line. Fields the line does not carry are null (an empty list for flags).
/// </summary>
public record EnvoyErrorLine
{
    /// <summary>The line as read, with credentials masked and control characters escaped.</summary>
    public required string Text { get; init; }

    public required EnvoyErrorKind Kind { get; init; }

    /// <summary>The HTTP status Envoy answered with (from the access log, or implied by the local reply).</summary>
    public int? ResponseCode { get; init; }

    public IReadOnlyList<EnvoyResponseFlag> ResponseFlags { get; init; } = [];

    /// <summary><c>%RESPONSE_CODE_DETAILS%</c>, e.g. <c>upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}</c>.</summary>
    public string? ResponseCodeDetails { get; init; }

    /// <summary>Envoy's reset reason: <c>connection failure</c> (older Envoy), <c>remote connection failure</c>, <c>connection termination</c>, <c>overflow</c>…</summary>
    public string? ResetReason { get; init; }

    /// <summary>Whether Envoy retried before giving up (<c>retried and the latest reset reason</c>).</summary>
    public bool Retried { get; init; }

    /// <summary>The transport failure reason as Envoy wrote it: <c>delayed connect error: 111</c>, a TLS error.</summary>
    public string? TransportFailureReason { get; init; }

    /// <summary>The socket error of a failed connect, by number or by text.</summary>
    public SocketError? SocketError { get; init; }

    /// <summary>The BoringSSL reason of a TLS failure: <c>CERTIFICATE_VERIFY_FAILED</c>, <c>WRONG_VERSION_NUMBER</c>.</summary>
    public string? TlsError { get; init; }

    /// <summary>The Envoy cluster the request went to (access logs).</summary>
    public string? UpstreamCluster { get; init; }

    /// <summary>The Consul service that cluster reaches, when its name is one Consul gives.</summary>
    public string? UpstreamService { get; init; }

    /// <summary>The upstream host address (access logs).</summary>
    public string? UpstreamHost { get; init; }

    /// <summary>The request's authority (Host header) from an access log: often the called service's name.</summary>
    public string? Authority { get; init; }
}
