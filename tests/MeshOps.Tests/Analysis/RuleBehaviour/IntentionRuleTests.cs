using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>MESH202 (unknown service in an intention) and MESH205 (unused allow): what each may and may not judge offline.</summary>
public class IntentionRuleTests
{
    private static TestMesh WebAndApi(params string[] webEnv) =>
        new TestMesh().Service("web").Workload("web", env: webEnv).Service("api").Workload("api");

    // The intention's "- name: web" is the second such line: the first names web's container.
    private static string ApiIntention(string source) => $"""
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: api
        spec:
          destination:
            name: api
          sources:
        {source}
        """;

    [Fact]
    public void An_intention_source_naming_no_declared_service_is_reported_on_its_name()
    {
        var mesh = WebAndApi("API_URL=http://api:8080").Raw(ApiIntention("    - name: billing\n      action: allow"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH202", Severity.Warning, mesh.LineOf("- name: billing")), (finding.RuleId, finding.Severity, finding.Line));
    }

    [Fact]
    public void An_intention_source_one_letter_off_a_service_suggests_that_service()
    {
        var mesh = WebAndApi("API_URL=http://api:8080").Raw(ApiIntention("    - name: wbe\n      action: allow"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH202", finding.RuleId);
        Assert.Contains("Did you mean 'web'?", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intention_source_like_no_service_suggests_nothing()
    {
        var mesh = WebAndApi("API_URL=http://api:8080").Raw(ApiIntention("    - name: billing\n      action: allow"));

        Assert.DoesNotContain("Did you mean", Assert.Single(mesh.Analyze().Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_declared_without_workloads_are_enough_to_call_a_name_unknown()
    {
        // Services alone (their Deployments elsewhere, e.g. a Helm chart) still say which names exist.
        var mesh = new TestMesh().Service("web").Service("api").Raw(ApiIntention("    - name: billing\n      action: allow"));

        Assert.Contains(mesh.Analyze().Findings, f => f.RuleId == "MESH202" && f.Line == mesh.LineOf("- name: billing"));
    }

    [Theory]
    [InlineData("peer: dc2")]
    [InlineData("partition: finance")]
    [InlineData("samenessGroup: shared")]
    public void An_intention_source_in_another_cluster_is_not_judged_against_local_services(string remote)
    {
        var mesh = WebAndApi("API_URL=http://api:8080").Raw(ApiIntention($"    - name: billing\n      {remote}\n      action: allow"));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void Intentions_alone_say_nothing_about_which_services_exist()
    {
        // A folder holding only CRDs: the services live elsewhere, so no name can be called unknown.
        var mesh = new TestMesh().Raw(ApiIntention("    - name: billing\n      action: allow"));

        Assert.Empty(mesh.Analyze().Findings);
    }

    // web's configuration names db explicitly: evidence of how web calls, so an allow web -> api it never names is credible.
    private static TestMesh WebCallingDbAndApi() =>
        WebAndApi("DB_URL=http://db:8080").Service("db").Workload("db");

    [Fact]
    public void An_allow_for_a_caller_whose_configuration_names_other_upstreams_is_reported_on_the_source_as_info()
    {
        var mesh = WebCallingDbAndApi().Raw(ApiIntention("    - name: web\n      action: allow"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH205", Severity.Info, mesh.LineOf("- name: web", occurrence: 2)), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains("no call from web to api appears in the configuration", finding.Message, StringComparison.Ordinal);
        Assert.Contains("names its upstreams explicitly (db)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("nothing in the inputs calls it", finding.Message, StringComparison.Ordinal);
        Assert.Equal(mesh.LineOf("value: \"http://db:8080\""), Assert.Single(finding.Evidence).Location.Line);
    }

    [Fact]
    public void An_unused_allow_is_info_so_it_neither_fails_a_gate_nor_passes_a_warning_filter()
    {
        var mesh = WebCallingDbAndApi().Raw(ApiIntention("    - name: web\n      action: allow"));

        Assert.True(mesh.Analyze().Passed);
        Assert.Empty(mesh.Analyze(AnalysisOptions.Default with { MinimumSeverity = Severity.Warning }).Findings);
    }

    [Fact]
    public void A_caller_with_no_call_in_its_configuration_is_not_judged()
    {
        // An interactive client (kubectl exec static-client -- curl static-server) or an app whose calls are in its
        // code: the configuration says nothing about what it calls.
        Assert.Empty(WebAndApi().Raw(ApiIntention("    - name: web\n      action: allow")).Analyze().Findings);
    }

    [Fact]
    public void An_allow_for_a_call_the_configuration_shows_is_not_reported()
    {
        Assert.Empty(WebAndApi("API_URL=http://api:8080").Raw(ApiIntention("    - name: web\n      action: allow")).Analyze().Findings);
    }

    [Fact]
    public void A_caller_is_judged_only_when_every_workload_of_its_consul_service_shows_its_calls()
    {
        // web-canary registers as web too (connect-service) and names no upstream: it may be the one calling api.
        var canary = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web-canary
            spec:
              selector:
                matchLabels:
                  app: web-canary
              template:
                metadata:
                  labels:
                    app: web-canary
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                    consul.hashicorp.com/connect-service: web
                spec:
                  serviceAccountName: web
                  containers:
                    - name: web
                      image: example/web:2
                      ports:
                        - containerPort: 8080
            """;
        var mesh = WebCallingDbAndApi().Raw(canary).Raw(ApiIntention("    - name: web\n      action: allow"));

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH205");
    }

    [Theory]
    [InlineData("peer: dc2")]
    [InlineData("partition: finance")]
    [InlineData("samenessGroup: shared")]
    [InlineData("namespace: team-a")]
    public void An_allow_for_a_source_outside_the_local_tenancy_is_not_judged(string remote)
    {
        var mesh = WebCallingDbAndApi().Raw(ApiIntention($"    - name: web\n      {remote}\n      action: allow"));

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH205");
    }

    [Fact]
    public void L7_permissions_count_as_an_allow_that_can_go_unused()
    {
        var mesh = WebCallingDbAndApi()
            .Raw("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceDefaults\nmetadata:\n  name: api\nspec:\n  protocol: http")
            .Raw(ApiIntention("    - name: web\n      permissions:\n        - action: allow\n          http:\n            pathPrefix: /v1"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH205", mesh.LineOf("- name: web", occurrence: 2)), (finding.RuleId, finding.Line));
    }

    [Fact]
    public void A_deny_for_a_caller_that_never_calls_is_not_an_unused_allow()
    {
        Assert.Empty(WebCallingDbAndApi().Raw(ApiIntention("    - name: web\n      action: deny")).Analyze().Findings);
    }

    [Fact]
    public void An_allow_is_not_judged_unused_when_the_callers_config_could_not_be_read()
    {
        // web reads its settings from a ConfigMap that is missing (MESH501): its calls are not fully known.
        var web = WebCallingDbAndApi().ToString().Replace(
            "    spec:\n      serviceAccountName: web\n      containers:\n        - name: web\n          image: example/web:1\n",
            "    spec:\n      serviceAccountName: web\n      containers:\n        - name: web\n          image: example/web:1\n          envFrom:\n            - configMapRef:\n                name: web-settings\n",
            StringComparison.Ordinal);
        Assert.Contains("web-settings", web);
        var mesh = new TestMesh().Raw(web).Raw(ApiIntention("    - name: web\n      action: allow"));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH501", finding.RuleId);
    }
}
