using System.Text.Json;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Sources;

public class ConsulCrdMappingTests
{
    private static T Load<T>(string kind, string spec) where T : class
    {
        var yaml = $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: {kind}\nmetadata:\n  name: x\n  namespace: shop\nspec:\n{spec}";
        var set = ManifestLoader.LoadText(yaml, $"{kind}.yaml");
        Assert.True(set.Errors.Count == 0, string.Join(Environment.NewLine, set.Errors));
        return Assert.IsType<T>(Assert.Single(set.Resources).Model);
    }

    [Fact]
    public void Service_defaults_map_protocol_upstreams_and_extensions()
    {
        var model = Load<ServiceDefaults>("ServiceDefaults", """
              protocol: http
              mutualTLSMode: permissive
              transparentProxy:
                dialedDirectly: true
              upstreamConfig:
                defaults:
                  connectTimeoutMs: 5000
                  limits:
                    maxConnections: 10
                overrides:
                  - name: db
                    protocol: tcp
                    passiveHealthCheck:
                      interval: 10s
                      maxFailures: 3
              destination:
                addresses: [example.com]
                port: 443
              rateLimits:
                instanceLevel:
                  requestsPerSecond: 100
                  routes:
                    - pathPrefix: /api
                      requestsPerSecond: 10
              envoyExtensions:
                - name: builtin/lua
                  arguments:
                    script: "function envoy_on_request() end"
            """);

        Assert.Equal(("x", "shop"), (model.Metadata!.Name, model.Metadata.NamespaceProperty));
        var spec = model.Spec!;
        Assert.Equal((MeshProtocol.Http, ServiceDefaultsMutualTLSMode.Permissive, true), (spec.Protocol, spec.MutualTLSMode, spec.TransparentProxy!.DialedDirectly));
        Assert.Equal((5000L, 10L), (spec.UpstreamConfig!.Defaults!.ConnectTimeoutMs, spec.UpstreamConfig.Defaults.Limits!.MaxConnections));
        var over = Assert.Single(spec.UpstreamConfig.Overrides!);
        Assert.Equal(("db", MeshProtocol.Tcp, "10s", 3), (over.Name, over.Protocol, over.PassiveHealthCheck!.Interval, over.PassiveHealthCheck.MaxFailures));
        Assert.Equal((443, "example.com"), (spec.Destination!.Port, spec.Destination.Addresses![0]));
        Assert.Equal("/api", spec.RateLimits!.InstanceLevel!.Routes![0].PathPrefix);
        Assert.Equal("function envoy_on_request() end", (string?)spec.EnvoyExtensions![0].Arguments!["script"]);
    }

    [Fact]
    public void Service_intentions_map_sources_permissions_and_jwt()
    {
        var model = Load<ServiceIntentions>("ServiceIntentions", """
              destination:
                name: api
              sources:
                - name: web
                  action: allow
                - name: admin
                  permissions:
                    - action: allow
                      http:
                        pathPrefix: /admin
                        methods: [GET, POST]
                        header:
                          - name: x-admin
                            present: true
              jwt:
                providers:
                  - name: okta
                    verifyClaims:
                      - path: [perms, role]
                        value: admin
            """);

        var spec = model.Spec!;
        Assert.Equal("api", spec.Destination!.Name);
        Assert.Equal(["web", "admin"], spec.Sources!.Select(s => s.Name));
        var http = spec.Sources![1].Permissions![0].Http!;
        Assert.Equal(("/admin", 2, true), (http.PathPrefix, http.Methods!.Count, http.Header![0].Present));
        Assert.Equal(["perms", "role"], spec.Jwt!.Providers![0].VerifyClaims![0].Path!);
    }

    [Fact]
    public void Proxy_defaults_keep_schemaless_config_as_json_nodes()
    {
        var model = Load<ProxyDefaults>("ProxyDefaults", """
              config:
                protocol: http
                envoy_prometheus_bind_addr: "0.0.0.0:9102"
                number: 3
              accessLogs:
                enabled: true
                type: file
                path: /var/log/envoy.log
              failoverPolicy:
                mode: order-by-locality
            """);

        var config = model.Spec.Config!;
        Assert.Equal("http", (string?)config["protocol"]);
        Assert.Equal(JsonValueKind.Number, config["number"]!.GetValueKind());
        Assert.Equal((ProxyDefaultsAccessLogType.File, ProxyDefaultsFailoverPolicyMode.OrderByLocality), (model.Spec.AccessLogs!.Type, model.Spec.FailoverPolicy!.Mode));
    }

    [Fact]
    public void Mesh_maps_tls_http_and_peering()
    {
        var model = Load<Mesh>("Mesh", """
              transparentProxy:
                meshDestinationsOnly: true
              tls:
                incoming:
                  tlsMinVersion: TLSv1_2
              http:
                incoming:
                  requestNormalization:
                    mergeSlashes: true
              peering:
                peerThroughMeshGateways: true
            """);

        var spec = model.Spec!;
        Assert.True(spec.TransparentProxy!.MeshDestinationsOnly);
        Assert.Equal(MeshTlsVersion.TLSv1_2, spec.Tls!.Incoming!.TlsMinVersion);
        Assert.True(spec.Http!.Incoming!.RequestNormalization!.MergeSlashes);
        Assert.True(spec.Peering!.PeerThroughMeshGateways);
    }

    [Fact]
    public void Service_resolver_maps_subsets_failover_and_load_balancer()
    {
        var model = Load<ServiceResolver>("ServiceResolver", """
              defaultSubset: v1
              subsets:
                v1:
                  filter: "Service.Meta.version == v1"
                  onlyPassing: true
              failover:
                "*":
                  targets:
                    - peer: dc2
              connectTimeout: 15s
              loadBalancer:
                policy: ring_hash
                ringHashConfig:
                  minimumRingSize: 1024
                hashPolicies:
                  - field: header
                    fieldValue: x-user
            """);

        var spec = model.Spec!;
        Assert.Equal(("v1", true), (spec.DefaultSubset, spec.Subsets!["v1"].OnlyPassing));
        Assert.Equal("dc2", spec.Failover!["*"].Targets![0].Peer);
        Assert.Equal(("15s", 1024L), (spec.ConnectTimeout, spec.LoadBalancer!.RingHashConfig!.MinimumRingSize));
        Assert.Equal(ServiceResolverHashPolicyField.Header, spec.LoadBalancer.HashPolicies![0].Field);
        Assert.Equal("x-user", spec.LoadBalancer.HashPolicies![0].FieldValue);
    }

    [Fact]
    public void Service_router_maps_matches_and_destinations()
    {
        var model = Load<ServiceRouter>("ServiceRouter", """
              routes:
                - match:
                    http:
                      pathPrefix: /admin
                      header:
                        - name: x-debug
                          exact: "1"
                      queryParam:
                        - name: canary
                          present: true
                  destination:
                    service: admin
                    prefixRewrite: /
                    numRetries: 3
                    retryOnStatusCodes: [503]
                    requestHeaders:
                      set:
                        x-routed: "yes"
            """);

        var route = Assert.Single(model.Spec!.Routes!);
        Assert.Equal(("/admin", "1", "canary"), (route.Match!.Http!.PathPrefix, route.Match.Http.Header![0].Exact, route.Match.Http.QueryParam![0].Name));
        Assert.Equal(("admin", 3, 503), (route.Destination!.Service, route.Destination.NumRetries, route.Destination.RetryOnStatusCodes![0]));
        Assert.Equal("yes", route.Destination.RequestHeaders!.Set!["x-routed"]);
    }

    [Fact]
    public void Service_splitter_weights_may_be_fractions()
    {
        var model = Load<ServiceSplitter>("ServiceSplitter", """
              splits:
                - weight: 99.5
                  serviceSubset: v1
                - weight: 0.5
                  serviceSubset: v2
            """);

        Assert.Equal([99.5, 0.5], model.Spec!.Splits!.Select(s => s.Weight!.Value));
    }

    [Fact]
    public void Exported_services_map_consumers()
    {
        var model = Load<ExportedServices>("ExportedServices", """
              services:
                - name: frontend
                  consumers:
                    - peer: dc2
                    - samenessGroup: group
            """);

        var service = Assert.Single(model.Spec!.Services!);
        Assert.Equal(("dc2", "group"), (service.Consumers![0].Peer, service.Consumers[1].SamenessGroup));
    }

    [Fact]
    public void Ingress_gateway_maps_listeners_services_and_tls()
    {
        var model = Load<IngressGateway>("IngressGateway", """
              tls:
                enabled: true
              listeners:
                - port: 8080
                  protocol: http
                  services:
                    - name: frontend
                      hosts: ["shop.example.com"]
                      tls:
                        sds:
                          clusterName: sds
                          certResource: shop-cert
              defaults:
                maxConnections: 100
            """);

        var listener = Assert.Single(model.Spec!.Listeners!);
        Assert.Equal((8080L, MeshProtocol.Http), (listener.Port, listener.Protocol));
        Assert.Equal(("frontend", "shop-cert"), (listener.Services![0].Name, listener.Services[0].Tls!.Sds!.CertResource));
        Assert.Equal((true, 100), (model.Spec.Tls!.Enabled, model.Spec.Defaults!.MaxConnections));
    }

    [Fact]
    public void Terminating_gateway_maps_linked_services()
    {
        var model = Load<TerminatingGateway>("TerminatingGateway", """
              services:
                - name: legacy-db
                  caFile: /etc/ssl/ca.pem
                  sni: db.example.com
              deployment:
                replicas: 2
                resources:
                  limits:
                    cpu: 500m
            """);

        var service = Assert.Single(model.Spec!.Services!);
        Assert.Equal(("legacy-db", "/etc/ssl/ca.pem", "db.example.com"), (service.Name, service.CaFile, service.Sni));
        Assert.Equal("500m", (string?)model.Spec.Deployment!.Resources!["limits"]!["cpu"]);
    }

    [Fact]
    public void Unknown_fields_are_kept_at_every_depth()
    {
        var model = Load<ServiceDefaults>("ServiceDefaults", """
              protocol: http
              fromNewerConsul: 1
              transparentProxy:
                dialedDirectly: true
                alsoNew: [a]
            """);

        Assert.Equal(1, model.Spec.AdditionalProperties!["fromNewerConsul"].GetInt32());
        Assert.Equal("a", model.Spec.TransparentProxy!.AdditionalProperties!["alsoNew"][0].GetString());
    }

    [Fact]
    public void Protocol_and_action_are_read_in_any_case_as_consul_normalises_them()
    {
        var defaults = Load<ServiceDefaults>("ServiceDefaults", "  protocol: ' HTTP2'\n");
        var intentions = Load<ServiceIntentions>("ServiceIntentions", """
              destination:
                name: api
              sources:
                - name: web
                  action: Allow
            """);

        Assert.Equal(MeshProtocol.Http2, defaults.Spec.Protocol);
        Assert.Equal(IntentionAction.Allow, intentions.Spec.Sources![0].Action);
    }

    [Fact]
    public void A_value_consul_would_refuse_reads_as_null_and_the_resource_still_loads()
    {
        var model = Load<ServiceDefaults>("ServiceDefaults", """
              protocol: http1
              mutualTLSMode: STRICT
              meshGateway:
                mode: local
            """);

        Assert.Null(model.Spec.Protocol);
        Assert.Null(model.Spec.MutualTLSMode);
        Assert.Equal(ServiceDefaultsMeshGatewayMode.Local, model.Spec.MeshGateway!.Mode);
    }

    [Fact]
    public void Status_written_by_consul_k8s_is_read()
    {
        var yaml = """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata:
              name: web
            spec:
              protocol: http
            status:
              conditions:
                - type: Synced
                  status: "False"
                  reason: ConsulAgentError
                  message: protocol is invalid
              lastSyncedTime: "2024-05-01T10:00:00Z"
            """;

        var model = Assert.IsType<ServiceDefaults>(Assert.Single(ManifestLoader.LoadText(yaml, "web.yaml").Resources).Model);

        Assert.Equal(("False", "ConsulAgentError"), (model.Status!.Synced!.Status, model.Status.Synced.Reason));
        Assert.NotNull(model.Status.LastSyncedTime);
    }

    [Fact]
    public void Wrong_type_in_a_consul_field_is_an_error_at_that_field()
    {
        const string yaml = """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata:
              name: web
            spec:
              splits:
                - weight: half
            """;

        var error = Assert.Single(ManifestLoader.LoadText(yaml, "split.yaml").Errors);

        Assert.Equal((LoadErrorIds.InvalidField, 7), (error.ErrorId, error.Location.Line));
        Assert.Contains("spec.splits[0].weight", error.Message);
    }
}
