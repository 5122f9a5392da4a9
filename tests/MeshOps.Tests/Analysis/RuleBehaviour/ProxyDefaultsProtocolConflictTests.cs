using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH303, both halves: a mesh-wide L7 protocol (ProxyDefaults) on a TCP service without ServiceDefaults, and
/// routing features on a service whose protocol is explicitly tcp.
/// </summary>
public class ProxyDefaultsProtocolConflictTests
{
    private const string ProxyDefaultsHttp = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ProxyDefaults
        metadata:
          name: global
        spec:
          config:
            protocol: http
        """;

    private static string ServiceDefaults(string name, string protocol) =>
        $"apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata:\n  name: {name}\nspec:\n  protocol: {protocol}";

    private const string Router = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceRouter
        metadata:
          name: api
        spec:
          routes:
            - match:
                http:
                  pathPrefix: /v2
              destination:
                service: api
        """;

    private const string Splitter = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceSplitter
        metadata:
          name: api
        spec:
          splits:
            - weight: 100
              service: api
        """;

    private static TestMesh Postgres() => new TestMesh().Service("postgres", port: 5432, targetPort: "8080").Workload("postgres");

    private static TestMesh Api() => new TestMesh().Service("api").Workload("api");

    [Fact]
    public void ProxyDefaults_http_on_a_tcp_service_without_servicedefaults_is_reported_on_the_protocol_line()
    {
        var mesh = Postgres().Raw(ProxyDefaultsHttp);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH303", Severity.Error, "<test>", mesh.LineOf("protocol: http")), (finding.RuleId, finding.Severity, finding.File, finding.Line));
        Assert.Equal("ProxyDefaults", finding.Resource.Kind);
        Assert.Contains("postgres port", Assert.Single(finding.Evidence).Note);
    }

    [Fact]
    public void ProxyDefaults_http_is_fine_for_a_tcp_service_with_its_own_tcp_servicedefaults()
    {
        Assert.Empty(Postgres().Raw(ProxyDefaultsHttp).Raw(ServiceDefaults("postgres", "tcp")).Analyze().Findings);
    }

    [Fact]
    public void ProxyDefaults_http_does_not_touch_a_tcp_service_outside_the_mesh()
    {
        // No sidecar reads ProxyDefaults for it (the whole-repository run of the multi-cluster-peering set: postgresdb).
        var outside = new TestMesh().Service("postgres", port: 5432, targetPort: "8080").Workload("postgres", inMesh: false);

        Assert.DoesNotContain(outside.Raw(ProxyDefaultsHttp).Analyze().Findings, f => f.RuleId == "MESH303");
    }

    [Fact]
    public void ProxyDefaults_http_on_a_service_with_no_tcp_evidence_is_fine()
    {
        Assert.Empty(Api().Raw(ProxyDefaultsHttp).Analyze().Findings);
    }

    [Fact]
    public void ServiceDefaults_http_on_a_tcp_service_is_MESH301_not_MESH303()
    {
        var finding = Assert.Single(Postgres().Raw(ServiceDefaults("postgres", "http")).Analyze().Findings);

        Assert.Equal("MESH301", finding.RuleId);
    }

    [Fact]
    public void A_router_on_an_explicitly_tcp_service_is_reported_on_the_router()
    {
        var mesh = Api().Raw(ServiceDefaults("api", "tcp")).Raw(Router);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH303", Severity.Error, mesh.LineOf("kind: ServiceRouter") - 1), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Equal("ServiceRouter", finding.Resource.Kind);
        Assert.Equal(mesh.LineOf("protocol: tcp"), Assert.Single(finding.Evidence).Location.Line);
        // Consul's own words (discoverychain/compile.go), which the user finds in the resource's Synced condition.
        Assert.Contains("The Consul server refuses it (\"discovery chain \"api\" uses a protocol \"tcp\" that does not permit advanced routing or splitting behavior\")", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_splitter_on_an_explicitly_tcp_service_is_reported()
    {
        var finding = Assert.Single(Api().Raw(ServiceDefaults("api", "tcp")).Raw(Splitter).Analyze().Findings);

        Assert.Equal(("MESH303", "ServiceSplitter"), (finding.RuleId, finding.Resource.Kind));
    }

    [Fact]
    public void A_resolver_requestTimeout_on_an_explicitly_tcp_service_is_reported_on_that_line()
    {
        var mesh = Api().Raw(ServiceDefaults("api", "tcp"))
            .Raw("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceResolver\nmetadata:\n  name: api\nspec:\n  requestTimeout: 5s");

        var finding = Assert.Single(mesh.Analyze().Findings);

        // Consul accepts a resolver on a tcp chain (only routers and splitters are advanced routing): the timeout is
        // ignored, a Warning rather than an Error that says the entry is refused.
        Assert.Equal(("MESH303", Severity.Warning, mesh.LineOf("requestTimeout: 5s")), (finding.RuleId, finding.Severity, finding.Line));
        Assert.EndsWith("Consul accepts it, but a tcp service has no HTTP route for it to act on: it has no effect.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resolver_hashing_on_a_header_of_an_explicitly_tcp_service_is_reported_on_its_hash_policies()
    {
        var mesh = Api().Raw(ServiceDefaults("api", "tcp")).Raw("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceResolver
            metadata:
              name: api
            spec:
              loadBalancer:
                policy: maglev
                hashPolicies:
                  - field: header
                    fieldValue: x-user-id
            """);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH303", Severity.Warning, mesh.LineOf("hashPolicies:")), (finding.RuleId, finding.Severity, finding.Line));
    }

    [Fact]
    public void A_resolver_without_http_features_is_fine_on_a_tcp_service()
    {
        var mesh = Api().Raw(ServiceDefaults("api", "tcp"))
            .Raw("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceResolver\nmetadata:\n  name: api\nspec:\n  connectTimeout: 5s");

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void A_router_on_an_http_service_is_fine()
    {
        Assert.Empty(Api().Raw(ServiceDefaults("api", "http")).Raw(Router).Analyze().Findings);
    }

    [Fact]
    public void A_router_on_a_service_with_no_protocol_set_is_MESH302_not_MESH303()
    {
        var finding = Assert.Single(Api().Raw(Router).Analyze().Findings);

        Assert.Equal("MESH302", finding.RuleId);
    }
}
