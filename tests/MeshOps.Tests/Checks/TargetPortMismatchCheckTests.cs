using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Tests.Checks;

/// <summary>MESH101's decision: what carries the traffic to a targetPort no container declares, and whether it breaks.</summary>
public class TargetPortMismatchCheckTests
{
    private static readonly MeshMembership InMesh = new(true, "annotation consul.hashicorp.com/connect-inject at a.yaml:9");
    private static readonly MeshMembership Outside = new(false, "annotation consul.hashicorp.com/connect-inject at a.yaml:9");
    private static readonly DeclaredContainerPort[] Declares8080 = [new DeclaredContainerPort(8080, null)];
    private static readonly RegisteredPort Registers8080 = new(8080, "the first containerPort of container app");

    private static RuleVerdict? Verdict(TargetedPort port, SelectedWorkload workload) =>
        TargetPortMismatchCheck.Check("api", "default", [port], [workload]).SingleOrDefault()?.Verdict;

    private static SelectedWorkload Api(MeshMembership membership, params ListenAddress[] listeners) =>
        new("Deployment/api", Declares8080, membership) { Registered = membership.InMesh ? Registers8080 : null, Listeners = listeners };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_named_target_port_no_container_declares_leaves_no_endpoints_in_and_out_of_the_mesh(bool inMesh)
    {
        var verdict = Verdict(new TargetedPort(80, "web"), Api(inMesh ? InMesh : Outside))!;

        Assert.Equal(Severity.Error, verdict.Severity);
        Assert.Contains("leaves its pods out of the Service's endpoints", verdict.Message, StringComparison.Ordinal);
        Assert.Equal(inMesh, verdict.Message.Contains("registers no instance of api", StringComparison.Ordinal));
    }

    [Fact]
    public void Outside_the_mesh_an_undeclared_numeric_target_port_is_no_evidence_of_a_break()
    {
        // kube-proxy sends to 9090 whatever containerPorts say; nothing shows the app does not listen there.
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(Outside)));
    }

    [Fact]
    public void Outside_the_mesh_an_app_known_to_listen_on_the_target_port_is_fine()
    {
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(Outside, new ListenAddress(null, 9090, "0.0.0.0:9090"))));
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(Outside) with { ProbedPorts = [9090] }));
    }

    [Fact]
    public void Outside_the_mesh_an_app_known_to_listen_elsewhere_is_an_error_through_kube_proxy()
    {
        var verdict = Verdict(new TargetedPort(80, "9090"), Api(Outside, new ListenAddress(null, 8080, "0.0.0.0:8080")))!;

        Assert.Equal(Severity.Error, verdict.Severity);
        Assert.Contains("kube-proxy sends callers to port 9090", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("listens on 0.0.0.0:8080", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_mesh_an_app_known_to_listen_elsewhere_than_the_registered_port_is_an_error_through_envoy()
    {
        var verdict = Verdict(new TargetedPort(9090, "9090"), Api(InMesh, new ListenAddress(null, 9090, "0.0.0.0:9090")))!;

        Assert.Equal(Severity.Error, verdict.Severity);
        Assert.Contains("consul-k8s registers api on port 8080 (the first containerPort of container app)", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:8080", verdict.Message, StringComparison.Ordinal);
        Assert.Contains("first containerPort", verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_mesh_an_app_known_to_listen_on_the_registered_port_is_a_warning_for_what_bypasses_the_sidecar()
    {
        var verdict = Verdict(new TargetedPort(80, "80"), Api(InMesh, new ListenAddress(null, 8080, "0.0.0.0:8080")))!;

        Assert.Equal(Severity.Warning, verdict.Severity);
        Assert.Contains("so mesh calls work", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_mesh_without_knowing_the_listener_the_disagreement_is_a_warning()
    {
        var verdict = Verdict(new TargetedPort(1800, "8081"), Api(InMesh))!;

        Assert.Equal(Severity.Warning, verdict.Severity);
        Assert.Contains("One of the two is wrong", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_the_mesh_a_target_port_consul_also_registers_or_the_app_also_answers_on_is_fine()
    {
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(InMesh) with { Registered = new RegisteredPort(9090, "annotation") }));
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(InMesh, new ListenAddress(null, 8080, ":8080"), new ListenAddress(null, 9090, ":9090"))));
    }

    [Fact]
    public void In_the_mesh_a_pod_registered_on_port_0_is_left_to_mesh107()
    {
        Assert.Null(Verdict(new TargetedPort(80, "9090"), Api(InMesh, new ListenAddress(null, 8080, ":8080")) with { Registered = null }));
    }

    [Theory]
    [InlineData(null, 8080, "the first containerPort of container app")]
    [InlineData("9102", 9102, "annotation consul.hashicorp.com/connect-service-port: 9102")]
    [InlineData("admin,8080", 9000, "annotation consul.hashicorp.com/connect-service-port: admin,8080")]
    public void Consul_registers_the_annotated_port_else_the_first_containers_first_port(string? annotation, int expected, string origin)
    {
        DeclaredContainerPort[] first = [new(8080, null), new(8081, "metrics")];
        DeclaredContainerPort[] all = [.. first, new(9000, "admin")];

        Assert.Equal(new RegisteredPort(expected, origin), TargetPortMismatchCheck.Registered(annotation, "app", first, all));
        Assert.Null(TargetPortMismatchCheck.Registered(null, "app", [], all));
    }
}
