using MeshOps.Envoy.Errors;

namespace MeshOps.Tests.Envoy.Errors;

public class MeshErrorDiagnoserTests
{
    // Test-MeshPath's hop names (issue 13's contract): a cause that names another hop points the user nowhere.
    private static readonly string[] Hops =
        ["SourceWorkload", "Name", "ServicePort", "DestinationWorkload", "Listener", "Protocol", "Intention", "Identity", "Catalog", "Envoy"];

    [Fact]
    public void Connection_refused_points_first_at_the_destination_app_then_the_port_then_the_bind_address()
    {
        var diagnosis = Diagnose("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 111");

        Assert.Equal(FailureCondition.ConnectionRefused, diagnosis.Condition);
        Assert.Equal(["DestinationWorkload", "ServicePort", "Listener"], diagnosis.LikelyCauses.Take(3).Select(c => c.Hop));
        Assert.Equal([1, 2, 3, 4], diagnosis.LikelyCauses.Select(c => c.Rank));
        Assert.Contains("ECONNREFUSED", diagnosis.Meaning, StringComparison.Ordinal);
        Assert.Equal("Test-MeshPath -From <calling service> -To <called service>", diagnosis.NextCommand);
        Assert.Contains(diagnosis.LikelyCauses, c => c.Check == "kubectl exec <pod> -c <app container> -- cat /proc/net/tcp");
    }

    [Fact]
    public void The_services_the_line_and_the_user_name_are_put_into_the_next_command_and_the_checks()
    {
        const string json = """{"response_code":503,"response_flags":"UF,URX","response_code_details":"upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}","upstream_cluster":"payments.default.dc1.internal.td1.consul"}""";

        var diagnosis = MeshErrorDiagnoser.Diagnose(json, from: "public-api")!;

        Assert.Equal("Test-MeshPath -From public-api -To payments", diagnosis.NextCommand);
        Assert.Contains(diagnosis.LikelyCauses, c => c.Check == "kubectl describe endpoints payments");
        Assert.DoesNotContain(diagnosis.LikelyCauses, c => c.Cause.Contains("{to}", StringComparison.Ordinal) || c.Check.Contains("{to}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_called_service_comes_from_the_authority_when_there_is_no_Consul_cluster()
    {
        var diagnosis = Diagnose("[2026-12-02T03:00:00.000Z] \"GET /coffees HTTP/1.1\" 503 UH 0 19 0 - \"-\" \"curl/8.5.0\" \"0f9a\" \"products-api.default.svc.cluster.local:9090\" \"-\"");

        Assert.Equal(FailureCondition.NoHealthyUpstream, diagnosis.Condition);
        Assert.EndsWith("-To products-api", diagnosis.NextCommand, StringComparison.Ordinal);
        Assert.Equal("Catalog", diagnosis.LikelyCauses[0].Hop);
    }

    [Fact]
    public void An_address_as_authority_names_no_service()
    {
        var diagnosis = Diagnose("[2026-12-02T03:00:00.000Z] \"GET / HTTP/1.1\" 503 UF 0 91 1 - \"-\" \"curl/8.5.0\" \"0f9a\" \"10.96.0.12:9090\" \"-\"");

        Assert.EndsWith("-To <called service>", diagnosis.NextCommand, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end", FailureCondition.TlsVerifyFailed)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 113", FailureCondition.HostUnreachable)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection timeout", FailureCondition.ConnectTimeout)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection termination", FailureCondition.UpstreamClosed)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: overflow", FailureCondition.Overflow)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: remote reset", FailureCondition.UpstreamClosed)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: local reset", FailureCondition.LocalReset)]
    [InlineData("""{"response_code":503,"response_flags":"LR"}""", FailureCondition.LocalReset)]
    [InlineData("""{"response_code":503,"response_flags":"UC"}""", FailureCondition.UpstreamClosed)]
    [InlineData("RBAC: access denied", FailureCondition.AccessDenied)]
    [InlineData("""{"response_code":403,"response_flags":"-","response_code_details":"rbac_access_denied_matched_policy[none]"}""", FailureCondition.AccessDenied)]
    [InlineData("""{"response_code":404,"response_flags":"NR"}""", FailureCondition.NoRoute)]
    [InlineData("""{"response_code":503,"response_flags":"URX,UF"}""", FailureCondition.ConnectFailure)]
    [InlineData("""{"response_code":0,"response_flags":"DC"}""", FailureCondition.CallerClosed)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|33554536:system library:OPENSSL_internal:Connection reset by peer:TLS_error_end", FailureCondition.ConnectionReset)]
    [InlineData("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: Connection reset by peer", FailureCondition.ConnectionReset)]
    [InlineData("""{"response_code":400,"response_flags":"DPE","response_code_details":"http1.codec_error"}""", FailureCondition.CallerProtocolError)]
    public void Each_failure_is_classified_by_its_most_specific_evidence(string text, FailureCondition condition)
    {
        Assert.Equal(condition, Diagnose(text).Condition);
    }

    [Fact]
    public void Every_failure_has_causes_on_Test_MeshPath_hops_and_a_meaning()
    {
        foreach (var condition in Enum.GetValues<FailureCondition>().Where(c => c != FailureCondition.Other))
        {
            var entry = MeshFailureKnowledge.For(condition);
            Assert.False(string.IsNullOrWhiteSpace(entry.Meaning), condition.ToString());
            Assert.NotEmpty(entry.Causes);
            Assert.All(entry.Causes, c => Assert.Contains(c.Hop, Hops));
        }
    }

    [Fact]
    public void A_missing_cluster_is_not_blamed_on_the_catalog_which_gives_an_empty_cluster_instead()
    {
        // Consul compiles a default chain for an upstream it has no instance of (UH); NC means configuration it did not write.
        var diagnosis = Diagnose("""{"response_code":503,"response_flags":"NC","upstream_cluster":"payments.default.dc1.internal.td1.consul"}""");

        Assert.Equal(FailureCondition.NoCluster, diagnosis.Condition);
        Assert.DoesNotContain(diagnosis.LikelyCauses, c => c.Hop == "Catalog");
        Assert.Contains("escape hatch", diagnosis.LikelyCauses[0].Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_maximum_stream_duration_is_not_blamed_on_routers_which_set_only_request_and_idle_timeouts()
    {
        var diagnosis = Diagnose("upstream max stream duration reached");

        Assert.Equal(FailureCondition.MaxStreamDuration, diagnosis.Condition);
        Assert.DoesNotContain(diagnosis.LikelyCauses, c => c.Cause.Contains("ServiceRouter", StringComparison.Ordinal));
        Assert.Contains(diagnosis.LikelyCauses, c => c.Cause.Contains("x-envoy-upstream-stream-duration-ms", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_certificate_is_not_blamed_on_the_ServiceAccount_which_only_decides_whether_a_certificate_is_issued()
    {
        var diagnosis = Diagnose("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS_error:|268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end");

        Assert.Equal(FailureCondition.TlsVerifyFailed, diagnosis.Condition);
        Assert.DoesNotContain(diagnosis.LikelyCauses, c => c.Cause.Contains("ServiceAccount", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reset_while_connecting_points_at_the_destination_sidecar_letting_go_not_at_denies_or_protocols()
    {
        // A deny closes after connecting, a protocol mismatch answers 400 (DPE), a refused certificate sends a TLS alert.
        var diagnosis = Diagnose("upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: delayed connect error: 104");

        Assert.Equal(FailureCondition.ConnectionReset, diagnosis.Condition);
        Assert.Equal("DestinationWorkload", diagnosis.LikelyCauses[0].Hop);
        Assert.DoesNotContain(diagnosis.LikelyCauses, c => c.Hop is "Intention" or "Protocol");
    }

    private static MeshErrorDiagnosis Diagnose(string text) => MeshErrorDiagnoser.Diagnose(text) ?? throw new Xunit.Sdk.XunitException($"Not recognised: {text}");
}
