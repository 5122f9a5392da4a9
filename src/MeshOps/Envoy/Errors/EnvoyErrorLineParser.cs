using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeshOps.Secrets;

namespace MeshOps.Envoy.Errors;

/// <summary>
/// Reads the Envoy failure in one line of text, wherever it sits in it: a local reply body as curl or an application
/// log prints it (router.cc onUpstreamReset and friends), an access-log line in Envoy's default text format, or one in
/// Consul's JSON access-log format. A line with no Envoy failure in it gives null.
/// </summary>
public static partial class EnvoyErrorLineParser
{
    private const string UpstreamResetText = "upstream connect error or disconnect/reset before headers.";
    private const string ResetReasonText = "reset reason: ";
    private const string TransportFailureText = ", transport failure reason: ";

    public static EnvoyErrorLine? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = OutputText.Clean(line.Trim());
        return JsonAccessLog(text) ?? TextAccessLog(text) ?? LocalReply(text);
    }

    private static EnvoyErrorLine? LocalReply(string text)
    {
        var reset = text.IndexOf(UpstreamResetText, StringComparison.Ordinal);
        var stream = text.IndexOf("gRPC config stream to ", StringComparison.Ordinal);
        if (stream >= 0 && text.IndexOf(" closed", stream, StringComparison.Ordinal) > stream)
        {
            // The xDS stream's close message quotes the reset that closed it; the sidecar, not a call, is what failed.
            return WithReset(new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.ControlPlaneStream }, text, reset);
        }

        if (reset >= 0)
        {
            var line = new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.UpstreamReset, ResponseCode = 503 };
            line = WithReset(line, text, reset);
            return line.ResetReason == "protocol error" ? line with { ResponseCode = 502 } : line;
        }

        return Contains(text, "RBAC: access denied") ? new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.AccessDenied, ResponseCode = 403 }
            : Contains(text, "no healthy upstream") ? new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.NoHealthyUpstream, ResponseCode = 503, ResponseFlags = Flags("UH") }
            : Contains(text, "upstream request timeout") ? new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.UpstreamRequestTimeout, ResponseCode = 504, ResponseFlags = Flags("UT") }
            : Contains(text, "upstream max stream duration reached") ? new EnvoyErrorLine { Text = text, Kind = EnvoyErrorKind.MaxStreamDuration, ResponseFlags = Flags("UMSDR") }
            : null;
    }

    private static EnvoyErrorLine WithReset(EnvoyErrorLine line, string text, int reset)
    {
        if (reset < 0)
        {
            return line;
        }

        var reasonAt = text.IndexOf(ResetReasonText, reset, StringComparison.Ordinal);
        if (reasonAt < 0)
        {
            return line;
        }

        var retried = text.AsSpan(reset, reasonAt - reset).Contains("retried and the latest", StringComparison.Ordinal);
        var rest = Unquoted(text[(reasonAt + ResetReasonText.Length)..]);
        var transportAt = rest.IndexOf(TransportFailureText, StringComparison.Ordinal);
        var reason = (transportAt >= 0 ? rest[..transportAt] : rest).Trim();
        var transport = transportAt >= 0 ? rest[(transportAt + TransportFailureText.Length)..].Trim() : null;
        return WithTransport(line with { ResetReason = reason, Retried = retried }, transport);
    }

    private static EnvoyErrorLine WithTransport(EnvoyErrorLine line, string? transport)
    {
        if (string.IsNullOrEmpty(transport) || transport == "-")
        {
            return line;
        }

        var socket = ConnectError().Match(transport);
        var tls = TlsReason().Match(transport);
        return line with
        {
            TransportFailureReason = transport,
            SocketError = socket.Success ? SocketError.Find(socket.Groups["error"].Value) : line.SocketError,
            TlsError = tls.Success ? tls.Groups["reason"].Value.Replace(' ', '_') : line.TlsError,
        };
    }

    // A local reply quoted inside a log line ends at the closing quote; the rest of the line is the logger's, not Envoy's.
    private static string Unquoted(string rest)
    {
        var end = rest.IndexOfAny(['"', '\'', '\\']);
        return end >= 0 ? rest[..end] : rest;
    }

    private static EnvoyErrorLine? JsonAccessLog(string text)
    {
        var start = text.IndexOf('{');
        var end = text.LastIndexOf('}');
        if (start < 0 || end <= start || !text.Contains("\"response_", StringComparison.Ordinal))
        {
            return null;
        }

        Dictionary<string, string?> fields;
        try
        {
            using var json = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            fields = json.RootElement.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => null,
                },
                StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return null;
        }

        return AccessLog(
            text,
            fields.GetValueOrDefault("response_code"),
            fields.GetValueOrDefault("response_flags"),
            fields.GetValueOrDefault("response_code_details"),
            fields.GetValueOrDefault("upstream_transport_failure_reason"),
            fields.GetValueOrDefault("upstream_cluster"),
            fields.GetValueOrDefault("upstream_host"),
            fields.GetValueOrDefault("authority") ?? fields.GetValueOrDefault(":authority"));
    }

    private static EnvoyErrorLine? TextAccessLog(string text)
    {
        var match = DefaultAccessLogFormat().Match(text);
        return match.Success
            ? AccessLog(text, match.Groups["code"].Value, match.Groups["flags"].Value, null, null, null, match.Groups["host"].Value, match.Groups["authority"].Value)
            : null;
    }

    /// <summary>
    /// An access-log line is a failure to explain when it has a response flag, or a 5xx/403 status; a 200 with no flag
    /// is traffic that worked, and gives null.
    /// </summary>
    private static EnvoyErrorLine? AccessLog(
        string text, string? code, string? flagList, string? details, string? transport, string? cluster, string? host, string? authority)
    {
        var flags = EnvoyResponseFlag.ParseList(flagList ?? "-");
        if (flags is null)
        {
            return null;
        }

        int? status = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 100 and <= 599 ? parsed : null;
        if (flags.Count == 0 && status is not >= 500 && !IsFailureDetail(details))
        {
            return null;
        }

        var line = new EnvoyErrorLine
        {
            Text = text,
            Kind = EnvoyErrorKind.AccessLog,
            ResponseCode = status is 0 ? null : status,
            ResponseFlags = flags,
            ResponseCodeDetails = Present(details),
            UpstreamCluster = Present(cluster),
            UpstreamService = Present(cluster) is { } name && ConsulClusterName.Parse(name).Service is { } service ? service : null,
            UpstreamHost = Present(host),
            Authority = Present(authority),
        };
        line = WithDetails(line, details);
        return WithTransport(line, Present(transport));
    }

    private static bool IsFailureDetail(string? details) =>
        details is not null && (details.StartsWith("upstream_reset", StringComparison.Ordinal) || details.StartsWith("rbac_access_denied", StringComparison.Ordinal));

    /// <summary>
    /// <c>upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}</c> (older) or
    /// <c>{remote_connection_failure|delayed_connect_error:_Connection_refused}</c>: Envoy writes spaces as underscores there.
    /// </summary>
    private static EnvoyErrorLine WithDetails(EnvoyErrorLine line, string? details)
    {
        if (details is null)
        {
            return line;
        }

        if (details.StartsWith("rbac_access_denied", StringComparison.Ordinal))
        {
            return line with { ResponseCode = line.ResponseCode ?? 403 };
        }

        var open = details.IndexOf('{');
        var close = details.LastIndexOf('}');
        if (!details.StartsWith("upstream_reset", StringComparison.Ordinal) || open < 0 || close <= open)
        {
            return line;
        }

        var inside = details[(open + 1)..close];
        var split = inside.IndexOfAny([',', '|']);
        var reason = (split >= 0 ? inside[..split] : inside).Replace('_', ' ');
        var transport = split >= 0 ? inside[(split + 1)..].Replace('_', ' ') : null;
        return WithTransport(line with { ResetReason = reason }, transport);
    }

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) || value == "-" ? null : value;

    private static bool Contains(string text, string phrase) => text.Contains(phrase, StringComparison.Ordinal);

    private static IReadOnlyList<EnvoyResponseFlag> Flags(string code) => [EnvoyResponseFlag.Find(code)!];

    // delayed/immediate connect error: 111 | Connection refused (newer Envoy adds "|remote address:...").
    [GeneratedRegex(@"(?:delayed|immediate) connect error: ?(?<error>[^|,]+)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ConnectError();

    // TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end, or the older "TLS error: 268435581:SSL routines:...".
    // Also with spaces for the underscores: %RESPONSE_CODE_DETAILS% writes spaces as '_' (router.cc replaceAllEmptySpace),
    // and turning them back turns the reason's own underscores into spaces too. BoringSSL's system-library errors are
    // strerror text (33554536:system library:OPENSSL_internal:Connection reset by peer): the one a mesh meets is kept.
    [GeneratedRegex(@"OPENSSL[_ ]internal:(?<reason>[A-Z][A-Z0-9_ ]*[A-Z0-9]|Connection[_ ]reset[_ ]by[_ ]peer)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TlsReason();

    // Envoy's default access-log format (HTTP and TCP): [%START_TIME%] "%REQ(:METHOD)% %PATH% %PROTOCOL%" %RESPONSE_CODE%
    // %RESPONSE_FLAGS% %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %UPSTREAM_SERVICE_TIME% "%XFF%" "%USER-AGENT%" "%REQUEST-ID%" "%AUTHORITY%" "%UPSTREAM_HOST%".
    [GeneratedRegex(@"\[[^\]]*\] ""[^""]*"" (?<code>\d{1,3}) (?<flags>[A-Z,]+|-) \d+ \d+ \d+ \S+ ""[^""]*"" ""[^""]*"" ""[^""]*"" ""(?<authority>[^""]*)"" ""(?<host>[^""]*)""", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DefaultAccessLogFormat();
}
