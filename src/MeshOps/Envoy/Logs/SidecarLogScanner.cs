using System.Text.RegularExpressions;
using MeshOps.Secrets;

namespace MeshOps.Envoy.Logs;

/// <summary>
/// Recognises the failures a Consul sidecar writes to its log (the <c>consul-dataplane</c> container: consul-dataplane's
/// hclog lines, text or JSON, and the Envoy it runs). Only strings read in upstream source are matched; each pattern
/// names the file it comes from. Every line returned has its credentials masked.
/// </summary>
public static partial class SidecarLogScanner
{
    private static readonly (Regex Pattern, SidecarLogKind Kind, string Meaning)[] Patterns =
    [
        // hashicorp/consul-server-connection-manager discovery/watcher.go: w.log.Error("ACL auth method login failed", ...);
        // the "connection error" line that follows repeats the gRPC error, so Consul's ACL refusals are recognised in it
        // too: acl.ErrNotFound "ACL not found", acl.ErrPermissionDenied "Permission denied" (hashicorp/consul acl/errors.go),
        // codes.PermissionDenied/Unauthenticated (google.golang.org/grpc/codes).
        (AclLogin(), SidecarLogKind.AclLoginRefused,
            "Consul refused the sidecar's ACL login: check the auth method, its binding rule and that the pod's ServiceAccount matches the service name"),

        // Go crypto/x509 (verify.go: "x509: certificate signed by unknown authority", "x509: certificate has expired or is
        // not yet valid"), crypto/tls handshake_client.go "tls: failed to verify certificate", and Envoy's transport failure
        // reason for a refused peer certificate (envoyproxy/envoy source/common/tls/ssl_socket.cc, CERTIFICATE_VERIFY_FAILED).
        (Certificate(), SidecarLogKind.CertificateError,
            "a TLS certificate was refused: an x509 line is consul-dataplane's TLS to the Consul servers (their certificate against global.tls.caCert); CERTIFICATE_VERIFY_FAILED is Envoy's mTLS to a peer sidecar (its leaf certificate against the Consul CA roots)"),

        // hashicorp/consul-server-connection-manager discovery/watcher.go: logNonContextError(w.log, "connection error", err)
        // under the logger consul-dataplane names "server-connection-manager" (hashicorp/consul-dataplane
        // pkg/consuldp/consul_dataplane.go), with errors "failed to discover Consul server addresses", "unable to connect to
        // a Consul server", "failed to switch to Consul server".
        (ConsulConnection(), SidecarLogKind.ConsulUnreachable,
            "consul-dataplane cannot reach a Consul server (gRPC 8502): check the servers are up and that DNS and NetworkPolicies let the pod reach them"),

        // envoyproxy/envoy source/extensions/config_subscription/grpc/grpc_stream.h logClose: warn "{} gRPC config stream to
        // {} closed: {}, {}" and "... closed since {}s ago: ..." (older Envoy: "gRPC config stream closed: ...").
        (XdsStream(), SidecarLogKind.XdsStreamFailure,
            "Envoy's xDS stream to consul-dataplane keeps closing: configuration and certificates stop arriving"),

        // envoyproxy/envoy source/extensions/config_subscription/grpc/grpc_subscription_impl.cc:
        // ENVOY_LOG(warn, "gRPC config for {} rejected: {}", type_url_, e->what()).
        (ConfigRejectedLine(), SidecarLogKind.ConfigRejected,
            "Envoy rejected configuration Consul sent (a NACK): that resource keeps its last accepted version"),

        // hashicorp/consul-server-connection-manager discovery/watcher.go: w.log.Info("connected to Consul server", ...);
        // hashicorp/consul-dataplane pkg/consuldp/consul_dataplane.go: "connected to Consul server over gRPC".
        (Connected(), SidecarLogKind.ConsulConnected, "consul-dataplane is connected to a Consul server"),
    ];

    /// <summary>The recognised lines, in order; lines it does not recognise are left out.</summary>
    public static IReadOnlyList<SidecarLogMatch> Scan(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var matches = new List<SidecarLogMatch>();
        var index = 0;
        foreach (var line in lines)
        {
            if (Match(line, index) is { } match)
                matches.Add(match);
            index++;
        }

        return matches;
    }

    /// <summary>What one line says, or null when it is none of the known lines.</summary>
    public static SidecarLogMatch? Match(string line, int index = 0)
    {
        ArgumentNullException.ThrowIfNull(line);
        foreach (var (pattern, kind, meaning) in Patterns)
        {
            if (pattern.IsMatch(line))
                return new SidecarLogMatch(index, SecretRedactor.Redact(line.TrimEnd()), kind, meaning);
        }

        return null;
    }

    [GeneratedRegex(@"ACL auth method login failed|ACL not found|Permission denied|code = (PermissionDenied|Unauthenticated)|auth method \\?""[^""\\]*\\?"" not found")]
    private static partial Regex AclLogin();

    [GeneratedRegex(@"x509: |tls: failed to verify certificate|CERTIFICATE_VERIFY_FAILED")]
    private static partial Regex Certificate();

    [GeneratedRegex(@"server-connection-manager: connection error|""@message"":""connection error"".*server-connection-manager|failed to discover Consul server addresses|unable to connect to a Consul server|failed to switch to Consul server")]
    private static partial Regex ConsulConnection();

    [GeneratedRegex(@"gRPC config stream (to \S+ )?closed")]
    private static partial Regex XdsStream();

    [GeneratedRegex(@"gRPC config for \S+ rejected: ")]
    private static partial Regex ConfigRejectedLine();

    [GeneratedRegex(@"connected to Consul server")]
    private static partial Regex Connected();
}
