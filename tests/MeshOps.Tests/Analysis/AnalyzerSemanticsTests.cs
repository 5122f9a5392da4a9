using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis;

/// <summary>The analyzer's Consul semantics, each on the smallest mesh that shows it.</summary>
public class AnalyzerSemanticsTests
{
    private static TestMesh WebCallsApi(bool webInMesh = true, bool apiInMesh = true, string url = "http://api:8080") =>
        new TestMesh()
            .Service("web").Workload("web", inMesh: webInMesh, env: [$"API_URL={url}"])
            .Service("api").Workload("api", inMesh: apiInMesh);

    [Fact]
    public void Calls_are_allowed_without_intentions_under_the_default_policy_allow()
    {
        Assert.Empty(WebCallsApi().Analyze().Findings);
    }

    [Fact]
    public void Default_policy_deny_denies_a_call_no_intention_allows_and_says_where_the_default_came_from()
    {
        var mesh = WebCallsApi();
        var urlLine = Array.FindIndex(mesh.ToString().Split('\n'), l => l.Contains("http://api:8080", StringComparison.Ordinal)) + 1;

        var finding = Assert.Single(mesh.Analyze(new AnalysisOptions { DefaultPolicy = DefaultPolicy.Deny }).Findings);

        Assert.Equal("MESH201", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("AnalysisOptions.DefaultPolicy", finding.Message);
        Assert.Equal("consul intention check web api", finding.Confirm);
        Assert.Equal(urlLine, finding.Line);
    }

    [Fact]
    public void A_deny_all_intention_denies_and_is_named_with_its_location()
    {
        var finding = Assert.Single(WebCallsApi().Intention("*", ("*", "deny")).Analyze().Findings);

        Assert.Equal("MESH201", finding.RuleId);
        Assert.Contains("ServiceIntentions deny-all", finding.Message);
        Assert.Equal("ServiceIntentions", Assert.Single(finding.Evidence).Resource.Kind);
    }

    [Fact]
    public void An_exact_allow_beats_the_deny_all()
    {
        var report = WebCallsApi().Intention("*", ("*", "deny")).Intention("api", ("web", "allow")).Analyze();

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void An_exact_deny_beats_a_wildcard_allow()
    {
        var finding = Assert.Single(WebCallsApi().Intention("api", ("*", "allow"), ("web", "deny")).Analyze().Findings);

        Assert.Contains("default/web => default/api (deny, precedence 9)", finding.Message);
    }

    [Fact]
    public void L7_intention_on_an_http_service_is_a_warning_when_the_call_shows_nothing_of_its_requests()
    {
        var mesh = WebCallsApi(url: "api:8080").Raw("""
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata:
              name: api
            spec:
              protocol: http
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceIntentions
            metadata:
              name: api
            spec:
              destination:
                name: api
              sources:
                - name: web
                  permissions:
                    - action: allow
                      http:
                        pathPrefix: /v1
            """);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH201", finding.RuleId);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("only requests matching an allow permission get through", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_caller_outside_the_mesh_calling_a_mesh_service_is_an_error()
    {
        var finding = Assert.Single(WebCallsApi(webInMesh: false).Analyze().Findings);

        Assert.Equal("MESH502", finding.RuleId);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("only mTLS", finding.Message);
    }

    [Fact]
    public void A_wrong_port_is_a_warning_between_mesh_services_and_an_error_from_outside()
    {
        var inside = Assert.Single(WebCallsApi(url: "http://api:9999").Analyze().Findings);
        var outside = WebCallsApi(webInMesh: false, apiInMesh: false, url: "http://api:9999").Analyze().Findings;

        Assert.Equal(("MESH105", Severity.Warning), (inside.RuleId, inside.Severity));
        Assert.Contains(outside, f => f.RuleId == "MESH105" && f.Severity == Severity.Error);
    }

    [Fact]
    public void A_call_into_another_namespace_resolves_there()
    {
        var report = new TestMesh()
            .Service("web").Workload("web", env: ["API_URL=http://api.shop.svc.cluster.local:8080"])
            .Raw("apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  ports:\n    - port: 8080")
            .Analyze();

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void A_typo_in_a_host_suggests_the_nearest_service_and_never_shows_the_password()
    {
        var finding = Assert.Single(WebCallsApi(url: "postgres://app:s3cret-pw@apii:8080/db").Analyze().Findings);

        Assert.Equal("MESH104", finding.RuleId);
        Assert.Contains("Did you mean 'api'?", finding.Message);
        Assert.DoesNotContain("s3cret-pw", finding.ToString() + finding.Fix);
    }

    [Fact]
    public void A_named_target_port_resolves_against_named_container_ports()
    {
        var good = new TestMesh().Service("api", port: 80, targetPort: "http").Workload("api", portName: "http").Analyze();
        var bad = new TestMesh().Service("api", port: 80, targetPort: "grpc").Workload("api", portName: "http").Analyze();

        Assert.Empty(good.Findings);
        Assert.Equal("MESH101", Assert.Single(bad.Findings).RuleId);
    }

    [Fact]
    public void The_ignore_annotation_suppresses_only_the_rules_it_names()
    {
        var suppressed = new TestMesh().Service("api", targetPort: "9090", ignore: "MESH105,MESH101").Workload("api").Analyze();
        var other = new TestMesh().Service("api", targetPort: "9090", ignore: "MESH105").Workload("api").Analyze();

        Assert.Empty(suppressed.Findings);
        Assert.Equal("MESH101", Assert.Single(other.Findings).RuleId);
    }

    [Fact]
    public void Namespace_option_keeps_findings_of_that_namespace_only()
    {
        var mesh = new TestMesh().Service("api", targetPort: "9090").Workload("api");

        Assert.Single(mesh.Analyze(new AnalysisOptions { Namespace = "default" }).Findings);
        Assert.Empty(mesh.Analyze(new AnalysisOptions { Namespace = "shop" }).Findings);
    }

    [Fact]
    public void A_live_dump_with_pods_and_replicasets_reports_each_problem_once()
    {
        var mesh = new TestMesh().Service("api", targetPort: "9090").Workload("api").Raw("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: api-5d9f
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: Deployment, name: api, uid: "1"}
                spec:
                  selector: {matchLabels: {app: api}}
                  template:
                    metadata: {labels: {app: api}}
                    spec: {containers: [{name: api, image: example/api:1, ports: [{containerPort: 8080}]}]}
              - apiVersion: v1
                kind: Pod
                metadata:
                  name: api-5d9f-x2x
                  labels: {app: api}
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: ReplicaSet, name: api-5d9f, uid: "2"}
                spec: {containers: [{name: api, image: example/api:1, ports: [{containerPort: 8080}]}]}
            """);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH101", finding.RuleId);
        Assert.Equal("Deployment/api", Assert.Single(finding.Evidence).Resource.ToString().Replace("default/", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_loopback_bind_outside_the_mesh_is_an_error_inside_it_a_warning()
    {
        var inMesh = new TestMesh().Service("api").Workload("api", env: ["BIND_ADDRESS=127.0.0.1:8080"]).Analyze();
        var outside = new TestMesh().Service("api").Workload("api", inMesh: false, env: ["BIND_ADDRESS=127.0.0.1:8080"]).Analyze();

        Assert.Equal(("MESH103", Severity.Warning), (Assert.Single(inMesh.Findings).RuleId, inMesh.Findings[0].Severity));
        Assert.Equal(("MESH103", Severity.Error), (Assert.Single(outside.Findings).RuleId, outside.Findings[0].Severity));
    }

    [Fact]
    public void A_load_error_that_quotes_a_credential_masks_it()
    {
        var manifests = MeshOps.Sources.Files.ManifestLoader.LoadText(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: \"host=db password=hunter2\"\n", "<test>");

        var error = Assert.Single(manifests.Errors);
        Assert.Equal(6, error.Location.Line);
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.Contains("expected a whole number", error.Message);
        Assert.DoesNotContain("System.", error.Message);
    }
    [Theory]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("{port: 8080}")]
    public void A_port_given_as_a_list_map_or_boolean_is_explained_in_YAML_terms_at_its_line(string value)
    {
        var manifests = MeshOps.Sources.Files.ManifestLoader.LoadText(
            $"apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n      targetPort: {value}\n", "<test>");

        var error = Assert.Single(manifests.Errors);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("expected a number or a name", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("k8s.Models", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not supported", error.Message, StringComparison.Ordinal);
    }
}
