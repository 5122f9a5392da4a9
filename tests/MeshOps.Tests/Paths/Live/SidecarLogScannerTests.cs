using MeshOps.Envoy.Logs;

namespace MeshOps.Tests.Paths.Live;

/// <summary>Real lines quoted in upstream issues (each cited), recognised or left alone.</summary>
public class SidecarLogScannerTests
{
    [Theory]
    // hashicorp/consul-k8s#1903 (consul-server-connection-manager, the library consul-dataplane runs).
    [InlineData("2023-02-14T13:45:31.103Z [ERROR] consul-server-connection-manager: connection error: error=\"failed to switch to Consul server \\\"172.26.1.58:8502\\\": target sub-connection is not ready (state=TRANSIENT_FAILURE)\"", SidecarLogKind.ConsulUnreachable)]
    // hashicorp/consul#15820 (consul-dataplane's own logger name; the excerpt ends there).
    [InlineData("2022-12-16T16:42:39.792Z [ERROR] consul-dataplane.server-connection-manager: connection error: error=\"fetching supported dataplane features: rp", SidecarLogKind.ConsulUnreachable)]
    // hashicorp/consul-k8s#2870.
    [InlineData("2023-08-30T19:43:57.341Z [ERROR] consul-server-connection-manager: ACL auth method login failed: error=\"rpc error: code = InvalidArgument desc = auth method \\\"consul-consul-k8s-component-auth-method\\\" not found\"", SidecarLogKind.AclLoginRefused)]
    // hashicorp/consul-k8s#1605 (403 ACL not found).
    [InlineData("2022-10-09T06:41:41.229Z [ERROR] unable to login: error=\"Unexpected response code: 403 (ACL not found: auth method \"consul-k8s-component-auth-method\" not found)\"", SidecarLogKind.AclLoginRefused)]
    // hashicorp/consul-k8s#625 (403 Permission denied).
    [InlineData("2021-08-18T02:34:53.420Z [ERROR] Consul login failed; retrying: error=\"error logging in: Unexpected response code: 403 (rpc error making call: Permission denied)\"", SidecarLogKind.AclLoginRefused)]
    // hashicorp/consul#1563 and #5137.
    [InlineData("[ERR] scada-client: failed to dial: x509: certificate signed by unknown authority", SidecarLogKind.CertificateError)]
    [InlineData("failed to dial: x509: certificate has expired or is not yet valid", SidecarLogKind.CertificateError)]
    // envoyproxy/gateway#2813 (current Envoy) and hashicorp/nomad#6714 (older Envoy's wording).
    [InlineData("[2024-03-07 03:17:04.787][1][warning][config] [./source/extensions/config_subscription/grpc/grpc_stream.h:193] DeltaAggregatedResources gRPC config stream to xds_cluster closed since 284s ago: 14, no healthy upstream", SidecarLogKind.XdsStreamFailure)]
    [InlineData("[2019-11-16 11:36:07.653][1][warning][config] [bazel-out/k8-opt/bin/source/common/config/_virtual_includes/grpc_stream_lib/common/config/grpc_stream.h:87] gRPC config stream closed: 14, upstream connect error or disconnect/reset before headers. reset reason: connection termination", SidecarLogKind.XdsStreamFailure)]
    public void Known_failures_are_recognised(string line, SidecarLogKind kind)
    {
        var match = SidecarLogScanner.Match(line);

        Assert.NotNull(match);
        Assert.Equal(kind, match.Kind);
        Assert.True(match.IsFailure);
        Assert.Equal(line, match.Line);
    }

    [Theory]
    // hashicorp/consul#15820: an ordinary start.
    [InlineData("2022-12-16T16:42:39.591Z [INFO]  consul-dataplane.server-connection-manager: trying to connect to a Consul server")]
    [InlineData("2022-12-16T16:42:39.591Z [INFO]  consul-dataplane.server-connection-manager: current prioritized list of known Consul servers: addresses=[10.209.16.195:8502, 10.209.55.131:8502]")]
    [InlineData("2022-12-16T16:42:39.036Z+00:00 [warning] envoy.main(15) there is no configured limit to the number of allowed active connections. Set a limit via the runtime key overload.global_downstream_max_connections")]
    // hashicorp/consul-k8s#1809 (JSON logging).
    [InlineData("{\"@level\":\"info\",\"@message\":\"trying to connect to a Consul server\",\"@module\":\"consul-server-connection-manager\",\"@timestamp\":\"2022-12-20T10:36:16.547271Z\"}")]
    public void Ordinary_lines_are_not_failures(string line) => Assert.Null(SidecarLogScanner.Match(line));

    [Fact]
    public void Connecting_again_is_recognised_and_is_no_failure()
    {
        // hashicorp/consul-dataplane pkg/consuldp/consul_dataplane.go: "connected to Consul server over gRPC".
        var match = SidecarLogScanner.Match("2022-12-16T16:42:40.101Z [INFO]  consul-dataplane: connected to Consul server over gRPC: initial_server_address=10.209.16.195:8502");

        Assert.Equal(SidecarLogKind.ConsulConnected, match!.Kind);
        Assert.False(match.IsFailure);
    }

    [Fact]
    public void Scan_keeps_each_recognised_line_with_its_position()
    {
        var lines = new[]
        {
            "2022-12-16T16:42:39.591Z [INFO]  consul-dataplane.server-connection-manager: trying to connect to a Consul server",
            "2023-02-14T13:45:31.103Z [ERROR] consul-server-connection-manager: connection error: error=\"failed to switch to Consul server \\\"172.26.1.58:8502\\\": target sub-connection is not ready (state=TRANSIENT_FAILURE)\"",
        };

        var match = Assert.Single(SidecarLogScanner.Scan(lines));

        Assert.Equal((1, SidecarLogKind.ConsulUnreachable), (match.Index, match.Kind));
    }

    [Fact]
    public void A_credential_in_a_recognised_line_is_masked()
    {
        var line = "2021-08-18T02:34:53.420Z [ERROR] Consul login failed; retrying: error=\"error logging in: Unexpected response code: 403 (rpc error making call: Permission denied)\" Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl";

        var match = SidecarLogScanner.Match(line)!;

        Assert.DoesNotContain("eyJhbGciOiJSUzI1NiJ9", match.Line, StringComparison.Ordinal);
        Assert.Contains("Permission denied", match.Line, StringComparison.Ordinal);
    }
}
