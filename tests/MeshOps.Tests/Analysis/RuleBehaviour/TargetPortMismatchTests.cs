using MeshOps.Rules.Catalog;

namespace MeshOps.Tests.Analysis.RuleBehaviour;

/// <summary>MESH101: a Service port whose targetPort no selected container declares.</summary>
public class TargetPortMismatchTests
{
    private const string TwoPortService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: api
        spec:
          selector:
            app: api
          ports:
            - name: http
              port: 80
              targetPort: 8080
            - name: metrics
              port: 9102
              targetPort: 9102
        """;

    // Outside the mesh (no connect-inject annotation, chart default), the app listening on the first declared port
    // (LISTEN_ADDR): a targetPort elsewhere is refused through kube-proxy.
    private static string Deployment(string name, string app, params int[] containerPorts) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
        spec:
          selector:
            matchLabels:
              app: {app}
          template:
            metadata:
              labels:
                app: {app}
                instance: {name}
            spec:
              containers:
                - name: app
                  image: example/{name}:1
        {(containerPorts.Length == 0 ? "" : "          ports:\n" + string.Join("\n", containerPorts.Select(p => $"            - containerPort: {p}")) + $"\n          env:\n            - name: LISTEN_ADDR\n              value: \"0.0.0.0:{containerPorts[0]}\"")}
        """;

    [Fact]
    public void TargetPortMismatch_is_reported_on_the_targetPort_line()
    {
        // A mesh pod registered on 8080 whose listener is unknown: the Service and Consul disagree (a Warning).
        var mesh = new TestMesh().Service("api", port: 80, targetPort: "9090").Workload("api");

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Warning, "<test>"), (finding.RuleId, finding.Severity, finding.File));
        Assert.Equal(mesh.LineOf("targetPort: 9090"), finding.Line);
    }

    [Fact]
    public void TargetPortMismatch_without_a_targetPort_is_reported_on_the_port_line()
    {
        // No targetPort means targetPort = port (9090), which the container (8080) does not declare.
        var mesh = new TestMesh()
            .Raw("apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector:\n    app: api\n  ports:\n    - name: http\n      port: 9090")
            .Workload("api");

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.Equal(mesh.LineOf("port: 9090"), finding.Line);
    }

    [Fact]
    public void TargetPortMismatch_on_the_second_port_points_at_the_second_port()
    {
        var mesh = new TestMesh().Raw(TwoPortService).Raw(Deployment("api", "api", 8080));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal("MESH101", finding.RuleId);
        Assert.Equal(mesh.LineOf("targetPort: 9102"), finding.Line);
        Assert.Contains("port 9102 targets port 9102", finding.Message);
    }

    [Fact]
    public void TargetPortMismatch_is_reported_when_every_selected_workload_lacks_the_port()
    {
        var mesh = new TestMesh()
            .Service("api", port: 80, targetPort: "9090")
            .Raw(Deployment("api-blue", "api", 8080))
            .Raw(Deployment("api-green", "api", 8080));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Equal(mesh.LineOf("targetPort: 9090"), finding.Line);
        Assert.Equal(["Deployment/api-blue", "Deployment/api-green"], finding.Evidence.Where(e => e.Note.StartsWith("declares", StringComparison.Ordinal)).Select(e => $"{e.Resource.Kind}/{e.Resource.Name}"));
    }

    [Fact]
    public void TargetPortMismatch_is_reported_when_only_some_selected_workloads_lack_the_port_and_names_only_those()
    {
        // kube-proxy spreads connections over every endpoint, so the pods without the port fail a share of the calls.
        var mesh = new TestMesh()
            .Service("api", port: 80, targetPort: "9090")
            .Raw(Deployment("api-blue", "api", 9090))
            .Raw(Deployment("api-green", "api", 8080));

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Equal(mesh.LineOf("targetPort: 9090"), finding.Line);
        var evidence = Assert.Single(finding.Evidence, e => e.Note.StartsWith("declares", StringComparison.Ordinal));
        Assert.Equal("api-green", evidence.Resource.Name);
        Assert.Contains("Deployment/api-green", finding.Message);
        Assert.DoesNotContain("api-blue", finding.Message);
    }

    [Fact]
    public void A_workload_that_declares_no_ports_gives_no_evidence_of_a_target_port_mismatch()
    {
        // containerPort is informational: a pod without any may still listen on 9090. MESH107 covers mesh pods.
        var mesh = new TestMesh().Service("api", port: 80, targetPort: "9090").Raw(Deployment("api", "api"));

        Assert.Empty(mesh.Analyze().Findings);
    }

    [Fact]
    public void Outside_the_mesh_a_target_port_the_app_may_listen_on_is_not_reported()
    {
        // containerPort is informational for kube-proxy: nothing says the app does not listen on 9090.
        var pod = Deployment("api", "api", 8080).Replace("          env:\n            - name: LISTEN_ADDR\n              value: \"0.0.0.0:8080\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("LISTEN_ADDR", pod, StringComparison.Ordinal);

        Assert.Empty(new TestMesh().Service("api", port: 80, targetPort: "9090").Raw(pod).Analyze().Findings);
    }

    [Fact]
    public void Outside_the_mesh_a_probe_on_the_target_port_shows_something_listens_there()
    {
        var pod = Deployment("api", "api", 8080) + "\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: 9090";

        Assert.Empty(new TestMesh().Service("api", port: 80, targetPort: "9090").Raw(pod).Analyze().Findings);
    }

    [Fact]
    public void In_the_mesh_an_app_listening_elsewhere_than_its_declared_port_is_an_error_with_the_listener_as_evidence()
    {
        var mesh = new TestMesh().Service("api", port: 9090, targetPort: "9090").Workload("api", env: ["LISTEN_ADDR=0.0.0.0:9090"]);

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Error, mesh.LineOf("targetPort: 9090")), (finding.RuleId, finding.Severity, finding.Line));
        Assert.Contains("Envoy forwards every inbound mesh connection to 127.0.0.1:8080", finding.Message, StringComparison.Ordinal);
        Assert.Contains(finding.Evidence, e => e.Location.Line == mesh.LineOf("value: \"0.0.0.0:9090\"") && e.Note.Contains("listens on", StringComparison.Ordinal));
    }

    [Fact]
    public void In_the_mesh_the_connect_service_port_annotation_decides_the_registered_port()
    {
        var mesh = new TestMesh().Service("api", port: 9090, targetPort: "9090").Workload("api", env: ["LISTEN_ADDR=0.0.0.0:9090"]);
        var annotated = new TestMesh().Raw(mesh.ToString().Replace(
            "consul.hashicorp.com/connect-inject: \"true\"", "consul.hashicorp.com/connect-inject: \"true\"\n        consul.hashicorp.com/connect-service-port: \"9090\"", StringComparison.Ordinal));

        // Annotated, consul-k8s registers 9090, where the app listens and where the Service sends: all agree.
        Assert.Equal(Severity.Error, Assert.Single(mesh.Analyze().Findings).Severity);
        Assert.Empty(annotated.Analyze().Findings);
    }

    [Theory]
    [InlineData("\n        consul.hashicorp.com/connect-service-port: \"8080,9090\"")]
    [InlineData("")]
    public void A_multi_port_pod_registers_each_service_on_the_port_at_its_position(string portAnnotation)
    {
        // connect-service "web,web-admin": web-admin is registered on the second port entry (9090), which its Service
        // targets though no container declares it; without the port annotation the injector writes the first
        // container's ports (8080 alone), so web-admin has no entry and consul-k8s registers it on no judged port.
        const string WebAdmin = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web-admin\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 9090\n      targetPort: 9090";
        var mesh = new TestMesh().Service("web", port: 8080, targetPort: "8080").Raw(WebAdmin).Raw($"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                  annotations:
                    consul.hashicorp.com/connect-inject: "true"
                    consul.hashicorp.com/connect-service: "web,web-admin"{portAnnotation}
                spec:
                  containers:
                    - name: web
                      image: example/web:1
                      ports:
                        - containerPort: 8080
            """);

        Assert.DoesNotContain(mesh.Analyze().Findings, f => f.RuleId == "MESH101");
    }

    [Fact]
    public void A_named_target_port_no_container_declares_is_an_error_in_the_mesh()
    {
        var mesh = new TestMesh().Service("api", port: 80, targetPort: "web").Workload("api", portName: "http");

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Error), (finding.RuleId, finding.Severity));
        Assert.Contains("registers no instance of api", finding.Message, StringComparison.Ordinal);
    }
}
