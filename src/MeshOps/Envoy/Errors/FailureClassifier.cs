namespace MeshOps.Envoy.Errors;

/// <summary>
/// Which failure a parsed line shows. The most specific evidence wins: a TLS reason over a socket error, a socket error
/// over the reset reason (<c>connection failure</c> says less than <c>111</c>), the reset reason over response flags.
/// </summary>
public static class FailureClassifier
{
    public static FailureCondition Classify(EnvoyErrorLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Kind == EnvoyErrorKind.ControlPlaneStream)
        {
            return FailureCondition.ControlPlaneUnreachable;
        }

        if (line.Kind == EnvoyErrorKind.AccessDenied || line.ResponseCodeDetails?.StartsWith("rbac_access_denied", StringComparison.Ordinal) == true)
        {
            return FailureCondition.AccessDenied;
        }

        return FromTls(line) ?? FromSocket(line.SocketError) ?? FromResetReason(line.ResetReason) ?? FromKind(line.Kind) ?? FromFlags(line.ResponseFlags) ?? FailureCondition.Other;
    }

    private static FailureCondition? FromTls(EnvoyErrorLine line) => line.TlsError switch
    {
        "CERTIFICATE_VERIFY_FAILED" => FailureCondition.TlsVerifyFailed,
        "WRONG_VERSION_NUMBER" or "HTTP_REQUEST" or "PACKET_LENGTH_TOO_LONG" => FailureCondition.TlsNotSpoken,
        // BoringSSL's system-library error for errno 104 (33554536): the same reset, met during the mTLS handshake.
        "Connection_reset_by_peer" => FailureCondition.ConnectionReset,
        { } => FailureCondition.TlsOther,
        null when line.TransportFailureReason?.Contains("TLS", StringComparison.Ordinal) == true => FailureCondition.TlsOther,
        null => null,
    };

    private static FailureCondition? FromSocket(SocketError? error) => error?.Number switch
    {
        111 => FailureCondition.ConnectionRefused,
        113 => FailureCondition.HostUnreachable,
        101 => FailureCondition.NetworkUnreachable,
        110 => FailureCondition.ConnectTimeout,
        104 => FailureCondition.ConnectionReset,
        null => null,
        _ => FailureCondition.ConnectFailure,
    };

    private static FailureCondition? FromResetReason(string? reason) => reason switch
    {
        null => null,
        "connection timeout" => FailureCondition.ConnectTimeout,
        "overflow" => FailureCondition.Overflow,
        "protocol error" => FailureCondition.ProtocolError,
        "connection termination" or "remote reset" or "remote refused stream reset" => FailureCondition.UpstreamClosed,
        // router.cc maps these to LocalReset (LR): Envoy's own reset, not the upstream's.
        "local reset" or "local refused stream reset" => FailureCondition.LocalReset,
        _ when reason.EndsWith("connection failure", StringComparison.Ordinal) => FailureCondition.ConnectFailure,
        _ => null,
    };

    private static FailureCondition? FromKind(EnvoyErrorKind kind) => kind switch
    {
        EnvoyErrorKind.NoHealthyUpstream => FailureCondition.NoHealthyUpstream,
        EnvoyErrorKind.UpstreamRequestTimeout => FailureCondition.RequestTimeout,
        EnvoyErrorKind.MaxStreamDuration => FailureCondition.MaxStreamDuration,
        _ => null,
    };

    // In flag order of weight: a retry limit (URX) sits beside the flag of the failure that was retried, so it never decides.
    private static readonly (string Code, FailureCondition Condition)[] FlagConditions =
    [
        ("UH", FailureCondition.NoHealthyUpstream),
        ("NC", FailureCondition.NoCluster),
        ("NR", FailureCondition.NoRoute),
        ("UF", FailureCondition.ConnectFailure),
        ("UO", FailureCondition.Overflow),
        ("UT", FailureCondition.RequestTimeout),
        ("UPE", FailureCondition.ProtocolError),
        ("DPE", FailureCondition.CallerProtocolError),
        ("UC", FailureCondition.UpstreamClosed),
        ("UR", FailureCondition.UpstreamClosed),
        ("LR", FailureCondition.LocalReset),
        ("UMSDR", FailureCondition.MaxStreamDuration),
        ("RL", FailureCondition.RateLimited),
        ("DC", FailureCondition.CallerClosed),
        ("DR", FailureCondition.CallerClosed),
    ];

    private static FailureCondition? FromFlags(IReadOnlyList<EnvoyResponseFlag> flags)
    {
        foreach (var (code, condition) in FlagConditions)
        {
            if (flags.Any(f => f.Code == code))
            {
                return condition;
            }
        }

        return null;
    }
}
