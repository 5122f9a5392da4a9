namespace MeshOps.Envoy.Errors;

/// <summary>One of Envoy's access-log response flags (<c>%RESPONSE_FLAGS%</c>): short code, long name and meaning.</summary>
public sealed record EnvoyResponseFlag(string Code, string Name, string Meaning)
{
    // source/common/stream_info/utility.h (ResponseFlagUtils) and the access-log usage docs.
    private static readonly Dictionary<string, EnvoyResponseFlag> ByCode = new EnvoyResponseFlag[]
    {
        new("UH", "NoHealthyUpstream", "no healthy host in the upstream cluster (503)"),
        new("UF", "UpstreamConnectionFailure", "the connection to the upstream failed: refused, unreachable, timed out or a TLS handshake failure (503)"),
        new("UO", "UpstreamOverflow", "a circuit breaker is open: too many connections or pending requests (503)"),
        new("NR", "NoRouteFound", "no route matched the request (404), or no filter chain matched the connection's destination"),
        new("URX", "UpstreamRetryLimitExceeded", "the retry limit (HTTP) or connect attempt limit (TCP) was reached"),
        new("NC", "NoClusterFound", "the route's upstream cluster does not exist"),
        new("DT", "DurationTimeout", "the connection or stream outlived its maximum duration"),
        new("DC", "DownstreamConnectionTermination", "the caller closed its connection before the answer"),
        new("LH", "FailedLocalHealthCheck", "the local service failed its health check (503)"),
        new("UT", "UpstreamRequestTimeout", "the upstream did not answer within the route timeout (504)"),
        new("LR", "LocalReset", "Envoy reset the connection (503)"),
        new("UR", "UpstreamRemoteReset", "the upstream reset the connection (503)"),
        new("UC", "UpstreamConnectionTermination", "the upstream closed the connection (503)"),
        new("DI", "DelayInjected", "fault injection delayed the request"),
        new("FI", "FaultInjected", "fault injection aborted the request"),
        new("RL", "RateLimited", "the local rate limit refused the request (429)"),
        new("UAEX", "UnauthorizedExternalService", "the external authorization service denied the request"),
        new("RLSE", "RateLimitServiceError", "the rate limit service failed"),
        new("IH", "InvalidEnvoyRequestHeaders", "an x-envoy-* header had an invalid value (400)"),
        new("SI", "StreamIdleTimeout", "the stream was idle too long (408 or 504)"),
        new("DPE", "DownstreamProtocolError", "the caller's request broke the HTTP protocol"),
        new("UPE", "UpstreamProtocolError", "the upstream's answer broke the HTTP protocol (502)"),
        new("UMSDR", "UpstreamMaxStreamDurationReached", "the upstream request reached its maximum stream duration"),
        new("RFCF", "ResponseFromCacheFilter", "the answer came from the cache filter"),
        new("NFCF", "NoFilterConfigFound", "a filter's configuration did not arrive in time"),
        new("OM", "OverloadManagerTerminated", "Envoy's overload manager ended the request"),
        new("DF", "DnsResolutionFailed", "DNS resolution failed"),
        new("DO", "DropOverload", "dropped by the endpoints' drop_overloads (503)"),
        new("DR", "DownstreamRemoteReset", "the caller reset the stream"),
        new("UDO", "UnconditionalDropOverload", "every request is dropped (drop_overload at 100 %)"),
    }.ToDictionary(f => f.Code, StringComparer.Ordinal);

    /// <summary>The flag with this short code (<c>UF</c>), or null when Envoy has none by that name.</summary>
    public static EnvoyResponseFlag? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The flags of a <c>%RESPONSE_FLAGS%</c> value (<c>UF,URX</c>; <c>-</c> for none); null when a code is not Envoy's.</summary>
    public static IReadOnlyList<EnvoyResponseFlag>? ParseList(string value)
    {
        if (value is "-" or "")
        {
            return [];
        }

        var flags = new List<EnvoyResponseFlag>();
        foreach (var code in value.Split(','))
        {
            if (Find(code.Trim()) is not { } flag)
            {
                return null;
            }

            flags.Add(flag);
        }

        return flags;
    }

    public override string ToString() => Code;
}
