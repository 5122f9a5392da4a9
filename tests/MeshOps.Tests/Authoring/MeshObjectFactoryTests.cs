using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Intentions;
using IntentionAction = MeshOps.Consul.IntentionAction;

namespace MeshOps.Tests.Authoring;

/// <summary>
/// What a typed mesh writes, analysed by the runtime: each mistake the compiler reports for a declaration shows up as
/// the same rule ID in Test-MeshConfig once the mesh is written out anyway (with the compile-time diagnostic suppressed).
/// </summary>
public class MeshObjectFactoryTests
{
    private static readonly MeshServiceSpec Web = WebAndApi.Web;

    private static readonly MeshServiceSpec Api = WebAndApi.Api;

    private static readonly DeclaredIntention[] WebToApi = [new("web", "api", IntentionAction.Allow)];

    public static TheoryData<string, MeshServiceSpec, MeshServiceSpec, bool> Mistakes => new()
    {
        { "MESH101", Web with { ServicePorts = [new ServicePortSpec(80, 8081)] }, Api, true },
        { "MESH103", Web, Api with { ContainerPorts = [new ContainerPortSpec(9090, BindAddress: "127.0.0.1")] }, true },
        { "MESH105", Web with { Upstreams = [new UpstreamSpec("api", 9091)] }, Api, true },
        { "MESH201", Web, Api, false },
        { "MESH301", Web, Api with { ServicePorts = [new ServicePortSpec(5432, 9090)] }, true },
        { "MESH402", Web, Api with { AutomountServiceAccountToken = false }, true },
    };

    [Fact]
    public void A_healthy_typed_mesh_writes_yaml_the_runtime_finds_nothing_in()
    {
        var report = Analyze(MeshObjectFactory.Create([Web, Api], denyAll: true, WebToApi));

        Assert.Empty(report.LoadErrors);
        Assert.Empty(report.Findings.Select(f => $"{f.RuleId} {f.Message}"));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_compile_time_mistake_written_out_anyway_is_the_same_runtime_rule(string id, MeshServiceSpec web, MeshServiceSpec api, bool allowWebToApi)
    {
        var report = Analyze(MeshObjectFactory.Create([web, api], denyAll: true, allowWebToApi ? WebToApi : []));

        Assert.Contains(id, report.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Intentions_group_sources_by_destination_after_deny_all()
    {
        var resources = MeshObjectFactory.Create([Web, Api], denyAll: true,
            [new("web", "api", IntentionAction.Allow), new("api", "web", IntentionAction.Deny), new("web", "web", IntentionAction.Allow)]);

        Assert.Equal(["deny-all", "api", "web"], resources.ServiceIntentions.Select(i => i.Metadata.Name));
        var web = resources.ServiceIntentions[2].Spec!;
        Assert.Equal([("api", IntentionAction.Deny), ("web", IntentionAction.Allow)], web.Sources!.Select(s => (s.Name!, s.Action!.Value)));
    }

    [Fact]
    public void L7_permissions_are_written_in_order_on_a_source_without_an_action()
    {
        var permissions = new HttpPermissions()
            .Deny(http => http.PathPrefix("/admin"))
            .Allow(http => http.PathPrefix("/api").Methods(HttpMethod.Get, HttpMethod.Head).Header("x-tenant", h => h.Exact("acme").IgnoreCase()))
            .Build();

        var resources = MeshObjectFactory.Create([Web, Api], denyAll: true, [new("web", "api", null, permissions)]);

        var source = Assert.Single(resources.ServiceIntentions[1].Spec!.Sources!);
        Assert.Null(source.Action);
        Assert.Equal([IntentionAction.Deny, IntentionAction.Allow], source.Permissions!.Select(p => p.Action!.Value));
        var yaml = resources.ToYaml();
        Assert.Contains("""
                - name: web
                  permissions:
                    - action: deny
                      http:
                        pathPrefix: /admin
                    - action: allow
                      http:
                        pathPrefix: /api
                        header:
                          - name: x-tenant
                            exact: acme
                            ignoreCase: true
                        methods:
                          - GET
                          - HEAD
            """.Replace("\r\n", "\n", StringComparison.Ordinal), yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/products", true)]
    [InlineData("HEAD", "/api", true)]
    [InlineData("POST", "/api/products", false)]
    [InlineData("GET", "/admin/api", false)]
    [InlineData("GET", "/other", false)]
    public void The_written_L7_intention_loads_and_decides_requests_as_declared(string method, string path, bool allowed)
    {
        var permissions = new HttpPermissions()
            .Deny(http => http.PathPrefix("/admin"))
            .Allow(http => http.PathPrefix("/api").Methods(HttpMethod.Get, HttpMethod.Head))
            .Build();
        var manifests = ManifestLoader.LoadText(
            MeshObjectFactory.Create([Web, Api], denyAll: true, [new("web", "api", null, permissions)]).ToYaml(), "typed-mesh.yaml");

        var model = MeshModelBuilder.Build(manifests);

        // A request no permission matches gets the default; with ACLs on (default deny) that is a refusal.
        var decision = model.Intentions.EvaluateRequest(
            new ServiceIdentity("default", "web"), new ServiceIdentity("default", "api"),
            new HttpRequestAttributes(method, path, new Dictionary<string, string>()), DefaultDecision.Deny);
        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public void A_healthy_L7_mesh_has_no_runtime_error_only_the_unknown_requests_warning_for_the_upstream()
    {
        var permissions = new HttpPermissions().Allow(http => http.PathPrefix("/api")).Build();

        var report = Analyze(MeshObjectFactory.Create([Web, Api], denyAll: true, [new("web", "api", null, permissions)]));

        Assert.Empty(report.LoadErrors);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("MESH201", Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.Contains("only requests matching an allow permission get through", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MeshProtocol.Tcp)]
    [InlineData(MeshProtocol.Http)]
    public void L7_permissions_on_a_tcp_destination_written_out_anyway_are_MESH204_and_only_on_tcp(MeshProtocol protocol)
    {
        var permissions = new HttpPermissions().Allow(http => http.PathPrefix("/")).Build();

        var report = Analyze(MeshObjectFactory.Create([Web, Api with { Protocol = protocol }], denyAll: true, [new("web", "api", null, permissions)]));

        Assert.Equal(protocol == MeshProtocol.Tcp, report.Findings.Any(f => f.RuleId == "MESH204"));
    }

    [Fact]
    public void Consul_validation_of_http_matches_runs_as_they_are_declared()
    {
        Assert.Throws<ArgumentException>(() => new HttpPermissions().Allow(http => http.PathPrefix("api")));
        Assert.Throws<InvalidOperationException>(() => new HttpPermissions().Allow(http => http.PathExact("/a").PathPrefix("/b")));
        Assert.Throws<ArgumentException>(() => new HttpPermissions().Allow(http => http.Methods(HttpMethod.Get, HttpMethod.Get)));
        Assert.Throws<ArgumentException>(() => new HttpPermissions().Allow(http => http.Methods(new HttpMethod("PURGE"))));
        Assert.Throws<InvalidOperationException>(() => new HttpPermissions().Allow(http => http.Header("x", h => h.Exact("a").Prefix("b"))));
        Assert.Throws<InvalidOperationException>(() => new HttpPermissions().Allow(http => http.Header("x", h => h.Present().IgnoreCase())));
        Assert.Throws<InvalidOperationException>(() => new HttpPermissions().Allow(_ => { }));
        Assert.Throws<InvalidOperationException>(() => new HttpPermissions().Build());
    }

    private static AnalysisReport Analyze(MeshResources resources) =>
        MeshAnalyzer.Analyze(resources.ToManifestSet("typed-mesh"));
}
