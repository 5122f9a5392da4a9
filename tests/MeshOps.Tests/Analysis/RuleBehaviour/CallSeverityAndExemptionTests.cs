using MeshOps.Analysis;
using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// Call rules whose severity depends on who is in the mesh (MESH105, MESH502), and MESH106's exemptions
/// (no transparent proxy, dialedDirectly).
/// </summary>
public class CallSeverityAndExemptionTests
{
    private const string MeshDestinationsOnly = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: Mesh
        metadata:
          name: mesh
        spec:
          transparentProxy:
            meshDestinationsOnly: true
        """;

    private const string HeadlessApi = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          clusterIP: None
          selector:
            app: api
          ports:
            - port: 8080
              targetPort: 8080
        """;

    private const string ApiDialedDirectly = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata:
          name: api
        spec:
          transparentProxy:
            dialedDirectly: true
        """;

    private static TestMesh MeshWebCallsOutsideApi(string url = "http://api:8080") =>
        new TestMesh().Service("web").Workload("web", env: [$"API_URL={url}"]).Service("api").Workload("api", inMesh: false);

    private static TestMesh WebCallsHeadlessApi() =>
        new TestMesh().Service("web").Workload("web", env: ["API_URL=http://api:8080"]).Raw(HeadlessApi).Workload("api");

    [Fact]
    public void A_mesh_caller_leaving_the_mesh_is_a_warning_by_default()
    {
        var mesh = MeshWebCallsOutsideApi();

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH502", Severity.Warning, mesh.LineOf("http://api:8080")), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains("passthrough", finding.Message);
    }

    [Fact]
    public void A_mesh_caller_leaving_the_mesh_is_an_error_when_meshDestinationsOnly_is_set()
    {
        var mesh = MeshWebCallsOutsideApi().Raw(MeshDestinationsOnly);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH502", Severity.Error, mesh.LineOf("http://api:8080")), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains($"meshDestinationsOnly is true (Mesh mesh at <test>:{mesh.LineOf("meshDestinationsOnly: true")})", finding.Message);
    }

    [Fact]
    public void A_wrong_port_from_a_mesh_caller_to_a_service_outside_the_mesh_is_an_error()
    {
        // Transparent proxy only saves the call when the destination is a mesh service it can route to.
        var mesh = MeshWebCallsOutsideApi("http://api:9999");

        var finding = Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH105");

        Assert.Equal((Severity.Error, mesh.LineOf("http://api:9999")), (finding.Severity, finding.Line));
        Assert.Contains("api outside the mesh", finding.Message);
    }

    [Fact]
    public void A_transparent_proxy_call_to_a_headless_service_is_reported_on_the_call()
    {
        var mesh = WebCallsHeadlessApi();

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH106", Severity.Error, mesh.LineOf("http://api:8080")), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Equal(mesh.LineOf("clusterIP: None"), Assert.Single(finding.Evidence).Location.Line);
    }

    [Fact]
    public void A_headless_service_with_dialedDirectly_is_reachable_through_transparent_proxy()
    {
        Assert.Empty(WebCallsHeadlessApi().Raw(ApiDialedDirectly).Analyze().Findings);
    }

    [Fact]
    public void Without_transparent_proxy_a_headless_service_is_not_a_mesh106_problem()
    {
        Assert.Empty(WebCallsHeadlessApi().Analyze(new AnalysisOptions { TransparentProxy = false }).Findings);
    }
}
