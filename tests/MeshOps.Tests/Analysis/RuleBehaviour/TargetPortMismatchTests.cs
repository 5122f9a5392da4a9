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
        {(containerPorts.Length == 0 ? "" : "          ports:\n" + string.Join("\n", containerPorts.Select(p => $"            - containerPort: {p}")))}
        """;

    [Fact]
    public void TargetPortMismatch_is_reported_on_the_targetPort_line()
    {
        var mesh = new TestMesh().Service("api", port: 80, targetPort: "9090").Workload("api");

        var finding = Assert.Single(mesh.Analyze().Findings);

        Assert.Equal(("MESH101", Severity.Error, "<test>"), (finding.RuleId, finding.Severity, finding.File));
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

        Assert.Equal(("MESH101", Severity.Error), (finding.RuleId, finding.Severity));
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
        Assert.Equal(["Deployment/api-blue", "Deployment/api-green"], finding.Evidence.Select(e => $"{e.Resource.Kind}/{e.Resource.Name}"));
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
        var evidence = Assert.Single(finding.Evidence);
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
}
