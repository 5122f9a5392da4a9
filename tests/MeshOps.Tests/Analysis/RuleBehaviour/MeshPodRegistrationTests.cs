using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>
/// MESH107 (a mesh pod whose first container declares no port) and MESH108 (several Services select one mesh pod),
/// with the consul-k8s set-ups that make each one fine.
/// </summary>
public class MeshPodRegistrationTests
{
    private static string Deployment(string annotations, string containers, bool inMesh = true) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
              annotations:
                consul.hashicorp.com/connect-inject: "{(inMesh ? "true" : "false")}"
        {annotations}
            spec:
              serviceAccountName: api
              containers:
        {containers}
        """;

    private const string Account = "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: api";

    private const string AppWithoutPort = "        - name: app\n          image: example/api:1";

    private const string AppWithPort = "        - name: app\n          image: example/api:1\n          ports:\n            - containerPort: 8080";

    private static string Service(string name, string labels = "") => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {name}
        {labels}
        spec:
          selector:
            app: api
          ports:
            - port: 8080
        """;

    [Fact]
    public void A_portless_mesh_pod_that_nothing_calls_is_info_on_its_first_container()
    {
        // The consul-k8s docs' static-client: registered on port 0, which nothing ever dials.
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH107", Severity.Info, "<test>", mesh.LineOf("- name: app")), (finding.RuleId, finding.Severity, finding.File, finding.Line));
        Assert.Contains("Nothing in the inputs calls it", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portless_mesh_pod_that_a_workload_calls_is_reported_naming_the_caller_and_the_consul_k8s_it_assumes()
    {
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort)).Raw(Service("api"))
            .Service("web").Workload("web", env: ["API_URL=http://api:8080"]);

        var finding = Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH107");

        // A Warning stating consul-k8s 1.x: 2.0 registers the selecting Services' ports instead of 0.
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("consul-k8s 1.x", finding.Assumption, StringComparison.Ordinal);
        Assert.Contains("That breaks its callers (web calls it in env API_URL of container web)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:0", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: api\nspec:\n  destination:\n    name: api\n  sources:\n    - name: web\n      action: allow")]
    [InlineData("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceSplitter\nmetadata:\n  name: store\nspec:\n  splits:\n    - weight: 100\n      service: api")]
    [InlineData("apiVersion: consul.hashicorp.com/v1alpha1\nkind: IngressGateway\nmetadata:\n  name: ingress\nspec:\n  listeners:\n    - port: 8080\n      protocol: http\n      services:\n        - name: api")]
    public void An_allowing_intention_or_a_route_to_a_portless_mesh_pod_counts_as_a_call(string reference)
    {
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort)).Raw(reference);

        var finding = Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH107");

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void A_deny_intention_for_a_portless_mesh_pod_is_not_a_call()
    {
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort))
            .Raw("apiVersion: consul.hashicorp.com/v1alpha1\nkind: ServiceIntentions\nmetadata:\n  name: api\nspec:\n  destination:\n    name: api\n  sources:\n    - name: web\n      action: deny");

        Assert.Equal(Severity.Info, Assert.Single(mesh.Analyze().Findings, f => f.RuleId == "MESH107").Severity);
    }

    [Fact]
    public void Only_the_first_container_counts_for_the_port_consul_registers()
    {
        var sidecarFirst = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort + "\n" + AppWithPort.Replace("name: app", "name: second", StringComparison.Ordinal)));
        var appFirst = new TestMesh().Raw(Account).Raw(Deployment("", AppWithPort + "\n" + AppWithoutPort.Replace("name: app", "name: second", StringComparison.Ordinal)));

        Assert.Equal("MESH107", Assert.Single(sidecarFirst.Analyze().Findings).RuleId);
        Assert.Empty(appFirst.Analyze().Findings);
    }

    [Fact]
    public void The_connect_service_port_annotation_makes_a_portless_first_container_fine()
    {
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("        consul.hashicorp.com/connect-service-port: \"8080\"", AppWithoutPort));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void A_pod_outside_the_mesh_needs_no_container_port()
    {
        var mesh = new TestMesh().Raw(Account).Raw(Deployment("", AppWithoutPort, inMesh: false));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void Two_services_selecting_a_mesh_pod_are_reported_on_its_pod_labels()
    {
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-metrics")).Raw(Account).Raw(Deployment("", AppWithPort));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH108", Severity.Error, "<test>"), (finding.RuleId, finding.Severity, finding.File));
        Assert.Equal(mesh.LineOf("      labels:"), finding.Line);
        Assert.Equal(["api", "api-metrics"], finding.Evidence.Select(e => e.Resource.Name));
        Assert.Contains("selected by Services api, api-metrics", finding.Message);
    }

    [Fact]
    public void A_second_service_labelled_service_ignore_is_not_registered_so_one_remains()
    {
        var ignored = "  labels:\n    consul.hashicorp.com/service-ignore: \"true\"";
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-metrics", ignored)).Raw(Account).Raw(Deployment("", AppWithPort));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void A_service_ignore_label_that_is_not_true_does_not_exempt()
    {
        var notIgnored = "  labels:\n    consul.hashicorp.com/service-ignore: \"false\"";
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-metrics", notIgnored)).Raw(Account).Raw(Deployment("", AppWithPort));

        Assert.Equal("MESH108", Assert.Single(mesh.Analyze().Findings).RuleId);
    }

    [Fact]
    public void A_multi_port_pod_naming_several_connect_services_may_be_selected_by_several_services()
    {
        var multiPort = "        consul.hashicorp.com/connect-service: \"api,api-metrics\"";
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-metrics")).Raw(Account).Raw(Deployment(multiPort, AppWithPort));

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH108");
    }

    [Fact]
    public void Services_selecting_a_pod_that_names_one_connect_service_write_one_registration()
    {
        // The endpoints controller's service ID is <pod>-<connect-service name> for every selecting Service (the
        // multi-port wild set's web pod): one service and its proxy, which is what connect-init waits for.
        var named = "        consul.hashicorp.com/connect-service: \"api\"";
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-admin")).Raw(Account).Raw(Deployment(named, AppWithPort));

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH108");
    }

    [Fact]
    public void Two_services_selecting_a_pod_outside_the_mesh_are_fine()
    {
        var mesh = new TestMesh().Raw(Service("api")).Raw(Service("api-metrics")).Raw(Account).Raw(Deployment("", AppWithPort, inMesh: false));

        Assert.Empty(mesh.Analyze().Findings);
    }
}
