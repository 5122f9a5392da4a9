using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Tests.Checks;

/// <summary>The shared decisions on plain facts, without a model or a compiler around them.</summary>
public class SharedChecksTests
{
    private static readonly MeshMembership InMesh = new(true, "annotation consul.hashicorp.com/connect-inject at a.yaml:9");

    [Fact]
    public void TargetPortMismatch_names_per_port_the_workloads_that_declare_ports_and_miss_its_target()
    {
        var outside = InMesh with { InMesh = false };
        var workloads = new[]
        {
            new SelectedWorkload("Deployment/a", [new DeclaredContainerPort(8080, "http")], outside),
            new SelectedWorkload("Deployment/b", [], outside),
            new SelectedWorkload("Deployment/c", [new DeclaredContainerPort(9090, null)], outside) { Listeners = [new ListenAddress(null, 9090, ":9090")] },
        };

        var hits = TargetPortMismatchCheck.Check("api", "default", [new TargetedPort(80, "http"), new TargetedPort(81, "8080")], workloads).ToList();

        Assert.Equal([(0, "2"), (1, "2")], hits.Select(h => (h.PortIndex, string.Join(",", h.Missing))));
        Assert.StartsWith(
            "Service api port 80 targets port http, which no container of Deployment/c declares (declared: 9090). No container of Deployment/c declares a port named 'http', so Kubernetes leaves its pods out of the Service's endpoints",
            hits[0].Verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true, true, Severity.Warning)]
    [InlineData(false, true, true, Severity.Error)]
    [InlineData(true, false, true, Severity.Error)]
    [InlineData(true, true, false, Severity.Error)]
    public void CallPortNotExposed_is_a_warning_only_from_mesh_to_mesh_with_transparent_proxy(bool callerInMesh, bool transparentProxy, bool targetInMesh, Severity expected)
    {
        var call = new ServiceCall("web", InMesh with { InMesh = callerInMesh }, transparentProxy, "chart default", "api", "default", targetInMesh, 9091, "env API_ADDR");

        Assert.Equal(expected, CallPortNotExposedCheck.Check(call, [9090])!.Severity);
        Assert.Null(CallPortNotExposedCheck.Check(call with { Port = 9090 }, [9090]));
    }

    [Theory]
    [InlineData(false, null, TokenSetBy.PodTemplate)]
    [InlineData(false, false, TokenSetBy.PodTemplate)]
    [InlineData(null, false, TokenSetBy.ServiceAccount)]
    [InlineData(true, false, null)]
    [InlineData(null, null, null)]
    public void ServiceAccountTokenNotMounted_lets_the_pod_setting_win_over_the_service_account(bool? pod, bool? account, TokenSetBy? expected)
    {
        var facts = new TokenMount("api", "Deployment/api", "default", "app=api", InMesh, pod, "api", account, true, "true (values.yaml)");

        Assert.Equal(expected, ServiceAccountTokenNotMountedCheck.Check(facts)?.SetBy);
        Assert.Null(ServiceAccountTokenNotMountedCheck.Check(facts with { Membership = InMesh with { InMesh = false } }));
    }

    [Theory]
    [InlineData(true, Severity.Error)]
    [InlineData(null, Severity.Warning)]
    [InlineData(false, null)]
    public void ServiceAccountTokenNotMounted_is_an_error_with_ACLs_on_a_warning_when_unknown_and_nothing_with_them_off(bool? acls, Severity? expected)
    {
        var facts = new TokenMount("api", "Deployment/api", "default", "app=api", InMesh, false, "api", null, acls, "what the test says");

        var hit = ServiceAccountTokenNotMountedCheck.Check(facts);

        Assert.Equal(expected, hit?.Verdict.Severity);
        if (hit is not null)
        {
            Assert.EndsWith("ACLs on: what the test says).", hit.Verdict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HttpProtocolOnTcpService_takes_a_well_known_port_before_an_image()
    {
        var facts = new TcpFacts("db", [5432], [new RunningImage("Deployment/db", "redis:7")], []);

        var hit = HttpProtocolOnTcpServiceCheck.Check("default", "http", facts);

        Assert.Equal((TcpEvidenceKind.Port, 0, "Service db exposes port 5432, the postgres port"), (hit!.Evidence.Kind, hit.Evidence.Index, hit.Evidence.Reason));
        Assert.Null(HttpProtocolOnTcpServiceCheck.Check("default", "tcp", facts));
    }

    [Fact]
    public void LoopbackBind_is_an_error_outside_the_mesh_and_ignores_ports_no_service_targets()
    {
        var services = new[] { new TargetingService("api", [9090]) };

        var outside = LoopbackBindCheck.Check("api", "default", InMesh with { InMesh = false }, new ListenAddress("127.0.0.1", 9090, "127.0.0.1:9090"), services);

        Assert.Equal(Severity.Error, outside!.Verdict.Severity);
        Assert.Null(LoopbackBindCheck.Check("api", "default", InMesh, new ListenAddress("127.0.0.1", 9091, "127.0.0.1:9091"), services));
        Assert.Null(LoopbackBindCheck.Check("api", "default", InMesh, new ListenAddress(null, 9090, ":9090"), services));
    }
}
