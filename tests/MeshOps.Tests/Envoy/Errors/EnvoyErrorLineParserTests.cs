using MeshOps.Envoy.Errors;

namespace MeshOps.Tests.Envoy.Errors;

public class EnvoyErrorLineParserTests
{
    private const string Classic = "upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111";

    [Fact]
    public void The_classic_local_reply_gives_its_reset_reason_transport_failure_and_socket_error()
    {
        var line = Parse(Classic);

        Assert.Equal(EnvoyErrorKind.UpstreamReset, line.Kind);
        Assert.Equal(503, line.ResponseCode);
        Assert.Equal("connection failure", line.ResetReason);
        Assert.Equal("delayed connect error: 111", line.TransportFailureReason);
        Assert.Equal(("ECONNREFUSED", 111), (line.SocketError?.Name, line.SocketError?.Number));
        Assert.False(line.Retried);
    }

    [Fact]
    public void The_newer_wording_with_a_retry_and_the_error_as_text_gives_the_same_socket_error()
    {
        var line = Parse("upstream connect error or disconnect/reset before headers. retried and the latest reset reason: remote connection failure, transport failure reason: delayed connect error: Connection refused");

        Assert.True(line.Retried);
        Assert.Equal("remote connection failure", line.ResetReason);
        Assert.Equal(111, line.SocketError?.Number);
    }

    [Theory]
    [InlineData("110", 110)]
    [InlineData("Connection timed out", 110)]
    [InlineData("113", 113)]
    [InlineData("No route to host", 113)]
    [InlineData("104", 104)]
    [InlineData("Connection reset by peer", 104)]
    [InlineData("101", 101)]
    [InlineData("Network is unreachable", 101)]
    public void Each_socket_error_is_known_by_number_and_by_text(string error, int number)
    {
        var line = Parse($"upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: delayed connect error: {error}");

        Assert.Equal(number, line.SocketError?.Number);
    }

    [Fact]
    public void An_immediate_connect_error_with_the_remote_address_names_the_error_only()
    {
        var line = Parse("upstream connect error or disconnect/reset before headers. reset reason: remote connection failure, transport failure reason: immediate connect error: Connection refused|remote address:10.0.0.7:20000");

        Assert.Equal(111, line.SocketError?.Number);
    }

    [Fact]
    public void A_reply_quoted_in_an_application_log_ends_at_its_closing_quote()
    {
        var line = Parse("2026-12-02T03:00:00Z ERROR products: error=\"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 113\" attempt=3");

        Assert.Equal("delayed connect error: 113", line.TransportFailureReason);
        Assert.Equal(113, line.SocketError?.Number);
    }

    [Theory]
    [InlineData("TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end", "CERTIFICATE_VERIFY_FAILED")]
    [InlineData("TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:verify cert failed: verify SAN list:TLS_error_end", "CERTIFICATE_VERIFY_FAILED")]
    [InlineData("TLS error: 268435703:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER", "WRONG_VERSION_NUMBER")]
    public void A_TLS_failure_gives_BoringSSLs_reason_in_the_old_and_new_format(string transport, string reason)
    {
        var line = Parse($"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: {transport}");

        Assert.Equal(reason, line.TlsError);
        Assert.Null(line.SocketError);
    }

    [Theory]
    [InlineData("no healthy upstream", EnvoyErrorKind.NoHealthyUpstream, 503, "UH")]
    [InlineData("upstream request timeout", EnvoyErrorKind.UpstreamRequestTimeout, 504, "UT")]
    [InlineData("RBAC: access denied", EnvoyErrorKind.AccessDenied, 403, null)]
    public void Envoys_other_local_replies_are_recognised(string text, EnvoyErrorKind kind, int code, string? flag)
    {
        var line = Parse($"curl: (22) The requested URL returned error: {code}; body: {text}");

        Assert.Equal(kind, line.Kind);
        Assert.Equal(code, line.ResponseCode);
        Assert.Equal(flag, line.ResponseFlags.SingleOrDefault()?.Code);
    }

    [Fact]
    public void A_protocol_error_reset_is_a_502()
    {
        Assert.Equal(502, Parse("upstream connect error or disconnect/reset before headers. reset reason: protocol error").ResponseCode);
    }

    [Fact]
    public void A_Consul_json_access_log_line_gives_its_flags_details_and_the_service_of_its_cluster()
    {
        const string json = """{"start_time":"2026-12-02T03:00:00.000Z","method":"GET","path":"/coffees","protocol":"HTTP/1.1","response_code":503,"response_flags":"UF,URX","response_code_details":"upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}","upstream_cluster":"products-api.default.dc1.internal.bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul","upstream_host":"10.244.0.12:20000","authority":"products-api:9090","upstream_transport_failure_reason":null}""";

        var line = Parse(json);

        Assert.Equal(EnvoyErrorKind.AccessLog, line.Kind);
        Assert.Equal(503, line.ResponseCode);
        Assert.Equal(["UF", "URX"], line.ResponseFlags.Select(f => f.Code));
        Assert.Equal("connection failure", line.ResetReason);
        Assert.Equal(111, line.SocketError?.Number);
        Assert.Equal("products-api", line.UpstreamService);
        Assert.Equal("10.244.0.12:20000", line.UpstreamHost);
    }

    [Fact]
    public void Newer_details_separate_the_transport_failure_with_a_bar()
    {
        const string json = """{"response_code":503,"response_flags":"UF","response_code_details":"upstream_reset_before_response_started{remote_connection_failure|delayed_connect_error:_Connection_refused}"}""";

        var line = Parse(json);

        Assert.Equal("remote connection failure", line.ResetReason);
        Assert.Equal(111, line.SocketError?.Number);
    }

    [Fact]
    public void A_TLS_reason_read_from_the_details_alone_keeps_its_own_underscores()
    {
        // Envoy writes the details' spaces as '_' (router.cc replaceAllEmptySpace) and leaves the reason's own
        // underscores, so the reason is found either way; a custom format may log no upstream_transport_failure_reason.
        const string json = """{"response_code":503,"response_flags":"UF","response_code_details":"upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end}"}""";

        var line = Parse(json);

        Assert.Equal("CERTIFICATE_VERIFY_FAILED", line.TlsError);
    }

    [Fact]
    public void A_default_format_access_log_line_gives_its_status_flags_and_authority()
    {
        var line = Parse("[2026-12-02T03:00:00.000Z] \"GET /coffees HTTP/1.1\" 503 UH 0 19 0 - \"-\" \"curl/8.5.0\" \"0f9a\" \"products-api:9090\" \"-\"");

        Assert.Equal(503, line.ResponseCode);
        Assert.Equal("UH", Assert.Single(line.ResponseFlags).Code);
        Assert.Equal("products-api:9090", line.Authority);
    }

    [Fact]
    public void A_tcp_default_format_line_is_read_too()
    {
        var line = Parse("[2026-12-02T03:00:00.000Z] \"- - -\" 0 UF 0 0 5001 - \"-\" \"-\" \"-\" \"-\" \"10.244.0.9:20000\"");

        Assert.Equal("UF", Assert.Single(line.ResponseFlags).Code);
        Assert.Null(line.ResponseCode);
        Assert.Equal("10.244.0.9:20000", line.UpstreamHost);
    }

    [Theory]
    [InlineData("[2026-12-02T03:00:00.000Z] \"GET /coffees HTTP/1.1\" 200 - 0 512 3 2 \"-\" \"curl/8.5.0\" \"0f9a\" \"products-api:9090\" \"10.244.0.12:20000\"")]
    [InlineData("""{"response_code":200,"response_flags":"-","response_code_details":"via_upstream"}""")]
    [InlineData("""{"response_code":403,"response_flags":"-","response_code_details":"via_upstream"}""")]
    [InlineData("""{"response_code":503,"response_flags":"XYZ"}""")]
    [InlineData("GET /coffees 200 OK")]
    [InlineData("")]
    [InlineData("{ not json \"response_code\" }")]
    public void A_line_without_an_Envoy_failure_gives_nothing(string text)
    {
        Assert.Null(EnvoyErrorLineParser.Parse(text));
    }

    [Fact]
    public void A_closed_xds_stream_is_the_sidecar_losing_Consul_not_a_failed_call()
    {
        var line = Parse("[2026-12-02 03:00:00.000][1][warning][config] DeltaAggregatedResources gRPC config stream to local_agent closed since 30s ago: 14, upstream connect error or disconnect/reset before headers. reset reason: connection termination");

        Assert.Equal(EnvoyErrorKind.ControlPlaneStream, line.Kind);
        Assert.Equal("connection termination", line.ResetReason);
    }

    [Fact]
    public void Credentials_and_control_characters_in_the_line_are_not_repeated()
    {
        var line = Parse("Authorization: Bearer s3cr3t-t0ken-Qm9z \u001b[2J upstream connect error or disconnect/reset before headers. reset reason: overflow");

        Assert.DoesNotContain("s3cr3t-t0ken-Qm9z", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', line.Text);
        Assert.Equal("overflow", line.ResetReason);
    }

    private static EnvoyErrorLine Parse(string text) => EnvoyErrorLineParser.Parse(text) ?? throw new Xunit.Sdk.XunitException($"Not recognised: {text}");
}
