namespace MeshOps.Envoy.Errors;

/// <summary>
/// What each failure means on a Consul mesh path, and its causes in the order they are met in practice. The path is
/// caller app → caller's sidecar (127.0.0.1:15001) → mTLS to the destination's sidecar (pod IP, port 20000) → intentions
/// → destination app on 127.0.0.1:&lt;port&gt;. <c>{to}</c> stands for the called service. Hop names are Test-MeshPath's.
/// </summary>
internal static class MeshFailureKnowledge
{
    public sealed record Entry(string Meaning, (string Hop, string Cause, string Check)[] Causes);

    private static readonly (string, string, string) AppNotRunning =
        ("DestinationWorkload", "The {to} app is not running or not ready (crash loop, restarting, still starting), so nothing listens where its sidecar forwards.", "kubectl describe endpoints {to}");

    private static readonly (string, string, string) PortMismatch =
        ("ServicePort", "The port the {to} sidecar forwards to (the Service's targetPort, or consul.hashicorp.com/connect-service-port) is not the port the app listens on (HashiCups payments: targetPort 1800, containerPort 8080).", "kubectl get service {to} -o jsonpath='{.spec.ports[*].targetPort}'");

    private static readonly (string, string, string) PodIpBind =
        ("Listener", "The {to} app listens on its pod IP only: Consul's sidecar forwards to 127.0.0.1, so the app must listen on 0.0.0.0 or 127.0.0.1.", "kubectl exec <pod of {to}> -c <app container> -- cat /proc/net/tcp");

    private static readonly (string, string, string) SidecarDown =
        ("DestinationWorkload", "The {to} sidecar (consul-dataplane) is not running or not ready on the pod the call went to, so its port 20000 refuses.", "kubectl get pods -o wide | grep {to}");

    private static readonly (string, string, string) StaleEndpoint =
        ("Catalog", "Consul still lists a {to} instance whose pod is gone (a stale endpoint): Envoy connects to an address nothing holds.", "consul catalog nodes -service {to} -detailed");

    private static readonly (string, string, string) NetworkPolicy =
        ("Envoy", "A NetworkPolicy or firewall drops traffic to the {to} pods' sidecar port 20000 (mesh traffic does not go to the app's port).", "kubectl get networkpolicy -A");

    private static readonly (string, string, string) IntentionDeniesL4 =
        ("Intention", "An intention (or the default deny) refuses the caller: the destination sidecar completes the mTLS handshake and closes the connection when the caller sends its first bytes (no answer; a reset only if the caller writes again).", "consul intention check <caller> {to}");

    private static readonly (string, string, string) ProtocolMismatch =
        ("Protocol", "The two ends disagree on the protocol: ServiceDefaults say http for a service that speaks something else (postgres), or the caller speaks plain TCP to an HTTP listener.", "kubectl get servicedefaults {to} -o yaml");

    private static readonly Dictionary<FailureCondition, Entry> Entries = new()
    {
        [FailureCondition.ConnectionRefused] = new(
            "A connection was refused (ECONNREFUSED, 111): nothing listened on the address and port. In a Consul mesh this is nearly always the destination's sidecar failing to reach its own app on 127.0.0.1, or the destination sidecar itself not listening.",
            [AppNotRunning, PortMismatch, PodIpBind, SidecarDown]),
        [FailureCondition.ConnectFailure] = new(
            "Envoy could not establish the connection to the upstream: refused, unreachable, timed out, or its mTLS handshake failed (a connection counts as established only after the handshake; the line does not say which).",
            [AppNotRunning, PortMismatch, PodIpBind, SidecarDown, NetworkPolicy,
             ("Envoy", "The mTLS handshake with the {to} sidecar failed (different Consul CA roots, an expired or missing leaf certificate): the ssl.* counters of the caller's upstream cluster rise too.", "Get-EnvoyStatistic -Service <caller> -Filter '*{to}*ssl*'")]),
        [FailureCondition.HostUnreachable] = new(
            "No route to the upstream's address (EHOSTUNREACH, 113): the pod IP Envoy used is gone or a network rule rejects it.",
            [StaleEndpoint, ("DestinationWorkload", "The {to} pod was replaced and its old IP is still in use (a restart moments ago).", "kubectl get pods -o wide | grep {to}"), NetworkPolicy]),
        [FailureCondition.NetworkUnreachable] = new(
            "The network of the upstream's address is unreachable from this pod (ENETUNREACH, 101).",
            [StaleEndpoint, NetworkPolicy]),
        [FailureCondition.ConnectTimeout] = new(
            "The connection did not complete in time (ETIMEDOUT, 110, or Envoy's connect_timeout, 5 s by default in Consul): packets to the upstream are dropped.",
            [NetworkPolicy, StaleEndpoint, ("DestinationWorkload", "The {to} pods are overloaded or their node is unhealthy.", "kubectl top pods | grep {to}")]),
        // Linux resets with ECONNREFUSED before the handshake completes and ECONNRESET after it (tcp_reset), so 104
        // while connecting means the destination's kernel accepted the connection and its listener let it go: closed
        // listen sockets drop what was not accepted yet (inet_csk_listen_stop), and Envoy closes at accept past a
        // connection limit (ActiveTcpListener::onAccept). An intention deny, a protocol mismatch and a refused certificate
        // each leave their own sign instead: a close after connecting, a 400 with DPE, a TLS alert.
        [FailureCondition.ConnectionReset] = new(
            "The upstream's kernel accepted the connection and then reset it (ECONNRESET, 104, 'Connection reset by peer'), while Envoy was connecting or during the mTLS handshake: the destination's sidecar let go of connections it had not accepted yet.",
            [("DestinationWorkload", "The {to} pod was stopping, or its sidecar restarted, crashed or was OOM-killed: closing its listener resets the connections not yet accepted.", "kubectl get pods -o wide | grep {to}"),
             ("Envoy", "The {to} sidecar refused connections at accept: a listener or global connection limit, or its overload manager.", "Get-EnvoyStatistic -Service {to} -Filter '*cx_overflow*'"),
             ("Envoy", "Something that ends TCP connections sits between the pods and the {to} sidecar's port 20000 (an L4 load balancer, a gateway, a proxying CNI): the sidecar's own count of connections on that port does not rise with the caller's attempts.", "Get-EnvoyStatistic -Service {to} -Filter '*_20000.downstream_cx_total'")]),
        [FailureCondition.UpstreamClosed] = new(
            "The upstream closed or reset the connection before answering.",
            [IntentionDeniesL4, ProtocolMismatch, AppNotRunning]),
        [FailureCondition.LocalReset] = new(
            "The caller's own sidecar reset the connection or stream (LR, local reset), not the upstream: Envoy gave up on it, most often on a protocol error or while reloading its configuration.",
            [ProtocolMismatch,
             ("Envoy", "The sidecar was reconfigured or drained (a listener or cluster update from Consul) while the request was in flight.", "Get-EnvoyStatistic -Service <caller> -Filter '*update_*'")]),
        [FailureCondition.TlsVerifyFailed] = new(
            "The upstream's certificate failed verification (CERTIFICATE_VERIFY_FAILED): not signed by the CA this sidecar trusts, or its SPIFFE ID is not the service expected.",
            [("Envoy", "The Consul CA was rotated or differs between datacenters or peers, and this sidecar holds old roots.", "Get-EnvoyCertificate -Service <caller>"),
             ("Catalog", "The address belongs to another service now (a reused pod IP behind a stale endpoint), so the SAN does not match {to}.", "consul catalog nodes -service {to} -detailed")]),
        [FailureCondition.TlsNotSpoken] = new(
            "The upstream did not answer in TLS (WRONG_VERSION_NUMBER): the address reached is not a mesh sidecar.",
            [("DestinationWorkload", "The {to} pods have no sidecar (injection off, or pods started before injection was enabled).", "kubectl get pods -o jsonpath='{..containers[*].name}' | grep consul-dataplane"),
             PortMismatch]),
        [FailureCondition.TlsOther] = new(
            "The TLS handshake with the upstream failed.",
            [("Envoy", "The sidecar has no valid certificate (the secret never arrived from Consul, or it expired).", "Get-EnvoyCertificate -Service <caller>"),
             ("Identity", "The sidecar could not log in to Consul to get its certificate (ServiceAccount token missing, ACL login refused).", "kubectl logs <pod> -c consul-dataplane")]),
        [FailureCondition.NoHealthyUpstream] = new(
            "Envoy has no healthy instance of the upstream to send to (UH): the upstream cluster is empty or every endpoint is unhealthy in Consul.",
            [("Catalog", "{to} has no passing instance in Consul's catalog: its pods are not ready, their health checks fail, or they never registered.", "consul catalog services | grep {to}"),
             AppNotRunning,
             ("Name", "The caller's upstream names a service that does not exist in Consul (a typo in the upstream annotation or the address).", "kubectl get service {to}")]),
        [FailureCondition.RequestTimeout] = new(
            "The upstream did not answer within the route timeout (UT, 504): Envoy's default of 15 s unless a ServiceRouter or ServiceResolver requestTimeout, or the called service's local_request_timeout_ms (ServiceDefaults localRequestTimeoutMs, ProxyDefaults config), sets another.",
            [("DestinationWorkload", "The {to} app is slow or stuck on its own dependency (a database, another service).", "kubectl logs <pod of {to}> -c <app container>"),
             ("Envoy", "A ServiceRouter or ServiceResolver requestTimeout, or {to}'s local_request_timeout_ms (ServiceDefaults localRequestTimeoutMs, ProxyDefaults config), is shorter than the call needs.", "kubectl get servicerouter,serviceresolver,servicedefaults {to} -o yaml; kubectl get proxydefaults -A -o yaml")]),
        [FailureCondition.AccessDenied] = new(
            "The destination sidecar's RBAC filter denied the request (403): an intention with action deny matched, or no intention allowed it under default deny.",
            [("Intention", "No ServiceIntentions allows the caller to call {to}, and the default (a * → * deny, or ACL default policy deny) denies it.", "kubectl get serviceintentions -A"),
             ("Intention", "An L7 intention allows other paths or methods than this request.", "kubectl get serviceintentions {to} -o yaml")]),
        [FailureCondition.NoRoute] = new(
            "No route or filter chain matched (NR): the sidecar does not know the destination it was asked for. With transparent proxy this needs the Mesh config entry's meshDestinationsOnly: true; otherwise an address outside the mesh is passed through to its original destination.",
            [("Name", "The caller calls an address the mesh does not know (a Service not in Consul, or a ClusterIP of a service without a sidecar) and meshDestinationsOnly is on.", "kubectl get mesh -A -o yaml"),
             ("Intention", "With transparent proxy and dialedDirectly off, only upstreams the caller is allowed to reach get a filter chain: an intention is missing.", "consul intention check <caller> {to}")]),
        // Consul 1.17-1.21 (agent/xds): an upstream without instances still gets its cluster from the compiled default
        // chain, and route configs set ValidateClusters; routes.go sets only Timeout, IdleTimeout and retries, never
        // max_stream_duration, so NC and UMSDR come from configuration Consul did not write.
        [FailureCondition.NoCluster] = new(
            "The route's upstream cluster does not exist in this sidecar (NC). Consul checks that its own routes name clusters it sends (a service missing from its catalog gives an empty cluster, UH), so this points at configuration Consul did not write.",
            [("Envoy", "Custom Envoy configuration (an escape hatch such as envoy_listener_json, or an Envoy extension) names a cluster Consul does not send.", "kubectl get proxydefaults,servicedefaults -A -o yaml"),
             ("Envoy", "The sidecar was taking a configuration update from Consul, and the route arrived before its cluster: a moment, not a lasting state.", "Get-EnvoyStatistic -Service <caller> -Filter '*update_*'")]),
        [FailureCondition.Overflow] = new(
            "A circuit breaker is open (UO, overflow): the upstream cluster reached its maximum connections or pending requests.",
            [("Envoy", "The upstream limits (ServiceDefaults upstreamConfig limits) are too low for the load.", "Get-EnvoyStatistic -Service <caller> -Filter '*circuit_breakers*'"),
             ("DestinationWorkload", "{to} answers too slowly, so requests pile up.", "kubectl top pods | grep {to}")]),
        [FailureCondition.ProtocolError] = new(
            "The upstream's answer broke the protocol Envoy expected (502).",
            [ProtocolMismatch]),
        [FailureCondition.CallerProtocolError] = new(
            "The caller's bytes broke HTTP at its own sidecar (DPE), which answered 400 and closed: most often a client speaking another protocol (postgres, redis, MySQL) to a service declared http.",
            [ProtocolMismatch,
             ("SourceWorkload", "The calling app sends malformed HTTP (an invalid method or header).", "kubectl logs <caller pod> -c <app container>")]),
        [FailureCondition.CallerClosed] = new(
            "The caller went away before the answer (DC/DR): the failure is on the calling side, not the mesh path.",
            [("SourceWorkload", "The calling app's own timeout is shorter than the upstream takes.", "kubectl logs <caller pod> -c <app container>")]),
        [FailureCondition.RateLimited] = new(
            "A rate limit refused the request (RL, 429).",
            [("Envoy", "A ServiceDefaults rateLimits setting on {to} is below the load.", "kubectl get servicedefaults {to} -o yaml")]),
        [FailureCondition.MaxStreamDuration] = new(
            "The request outlived its maximum stream duration (UMSDR). Consul sets no such limit: router and resolver timeouts end a request with UT (504 upstream request timeout), idle timeouts with SI.",
            [("Envoy", "Custom Envoy configuration (an escape hatch such as envoy_cluster_json, or an Envoy extension) sets max_stream_duration.", "kubectl get proxydefaults,servicedefaults -A -o yaml"),
             ("SourceWorkload", "The calling app sends the x-envoy-upstream-stream-duration-ms header with a short value.", "kubectl logs <caller pod> -c <app container>")]),
        [FailureCondition.ControlPlaneUnreachable] = new(
            "The sidecar lost its configuration stream to Consul: it keeps its last configuration but learns no new endpoints, intentions or certificates.",
            [("Envoy", "consul-dataplane (or the client agent) cannot reach the Consul servers: wrong address, TLS settings, or a NetworkPolicy.", "kubectl logs <pod> -c consul-dataplane"),
             ("Identity", "The sidecar's ACL login is refused (403): the ServiceAccount or the auth method binding is wrong.", "kubectl logs <pod> -c consul-dataplane | grep -i acl")]),
        [FailureCondition.Other] = new(
            "Envoy reported a failure MeshOps has no causes for.",
            []),
    };

    public static Entry For(FailureCondition condition) => Entries[condition];
}
