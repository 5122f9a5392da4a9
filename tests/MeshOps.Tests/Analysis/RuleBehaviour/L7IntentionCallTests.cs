using MeshOps.Analysis;
using MeshOps.Rules.Catalog;
using MeshOps.Sources.Files;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>MESH201 against an L7 intention: judged on the requests the caller's configuration shows, never on the L4 check.</summary>
public class L7IntentionCallTests
{
    private static readonly AnalysisOptions AclsOn = new() { AclsEnabled = true };

    // joatmon08 apps/intentions.yaml: ui may GET / and /favicon.ico of web.
    private const string UiToWeb = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata:
          name: ui
        spec:
          destination:
            name: web
          sources:
            - name: ui
              permissions:
                - action: allow
                  http:
                    pathExact: /
                    methods: ['GET']
                - action: allow
                  http:
                    pathExact: /favicon.ico
                    methods: ['GET']
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata:
          name: web
        spec:
          protocol: http
        """;

    private static TestMesh UiCalling(string value) =>
        new TestMesh().Service("ui").Workload("ui", env: [$"UPSTREAM_URIS={value}"]).Service("web").Workload("web").Raw(UiToWeb);

    [Fact]
    public void An_l7_intention_allowing_the_request_the_caller_makes_is_not_reported_on_the_wild_repository()
    {
        var report = MeshAnalyzer.Analyze(ManifestLoader.LoadPaths([ReferenceData.Path("wild", "joatmon08__consul-k8s-ingress-controllers")]));

        Assert.DoesNotContain(report.Findings, f => f.RuleId == "MESH201");
    }

    [Fact]
    public void A_request_path_no_allow_permission_reaches_is_denied_by_the_default_and_reported()
    {
        var mesh = UiCalling("http://web/admin");

        var finding = Assert.Single(mesh.Analyze(AclsOn).Findings, f => f.RuleId == "MESH201");

        Assert.Equal((Severity.Error, mesh.LineOf("http://web/admin")), (finding.Severity, finding.Line));
        Assert.Contains("denies requests to /admin or a path below it, of any method", finding.Message, StringComparison.Ordinal);
        Assert.Contains("no allow permission matches them", finding.Message, StringComparison.Ordinal);
        Assert.Contains("403", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("Add an allow permission for requests to /admin", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_path_is_not_reported_when_the_default_allows()
    {
        // rbac.go: a request no permission matches gets the default; with ACLs off that is allow.
        Assert.DoesNotContain(UiCalling("http://web/admin").Analyze(new AnalysisOptions { AclsEnabled = false }).Findings, f => f.RuleId == "MESH201");
    }

    [Fact]
    public void A_url_without_a_path_may_send_an_allowed_request_and_is_not_reported()
    {
        Assert.DoesNotContain(UiCalling("http://web").Analyze(AclsOn).Findings, f => f.RuleId == "MESH201");
    }

    [Fact]
    public void A_deny_permission_covering_the_path_is_reported_with_its_index()
    {
        var mesh = new TestMesh().Service("ui").Workload("ui", env: ["UPSTREAM_URIS=http://web:8080/admin/users"]).Service("web").Workload("web")
            .Raw(UiToWeb.Replace("""
                - action: allow
                  http:
                    pathExact: /
        """, """
                - action: deny
                  http:
                    pathPrefix: /admin
                - action: allow
                  http:
                    pathExact: /
        """, StringComparison.Ordinal));

        // ACLs off: the default would allow, so only the deny permission can deny.
        var finding = Assert.Single(mesh.Analyze(new AnalysisOptions { AclsEnabled = false }).Findings, f => f.RuleId == "MESH201");

        Assert.Contains("permissions[0] matches them before any allow permission can", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_that_shows_nothing_of_its_requests_is_a_warning_that_says_so()
    {
        var mesh = UiCalling("web:8080");

        var finding = Assert.Single(mesh.Analyze(AclsOn).Findings, f => f.RuleId == "MESH201");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("intentions may deny its requests", finding.Message, StringComparison.Ordinal);
        Assert.Contains("the configuration does not show which requests ui sends", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", true)]
    [InlineData("GET", false)]
    public void A_method_a_curl_command_states_is_evaluated(string method, bool reported)
    {
        var mesh = new TestMesh().Service("web").Workload("web").Raw(UiToWeb).Raw($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ui
            spec:
              selector:
                matchLabels:
                  app: ui
              template:
                metadata:
                  labels:
                    app: ui
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                spec:
                  containers:
                    - name: ui
                      image: curlimages/curl:8.5.0
                      command: ["curl", "-X", "{{method}}", "http://web/"]
            """);

        var findings = mesh.Analyze(AclsOn).Findings.Where(f => f.RuleId == "MESH201").ToList();

        Assert.Equal(reported, findings.Count == 1);
        Assert.All(findings, f => Assert.Contains("denies POST requests to any path", f.Message, StringComparison.Ordinal));
    }
}
