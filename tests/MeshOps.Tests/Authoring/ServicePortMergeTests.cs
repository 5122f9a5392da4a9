using MeshOps.Authoring;

namespace MeshOps.Tests.Authoring;

/// <summary>A port added to a Service already composed (New-MeshServicePort piped into itself), checked as the API server checks it.</summary>
public class ServicePortMergeTests
{
    private static readonly Dictionary<string, string> App = new() { ["app"] = "payments" };

    private static readonly k8s.Models.V1Service Http =
        KubernetesObjectComposer.Service(new ServicePortRequest("payments", 1800, "8080", App) { PortName = "http" });

    [Fact]
    public void A_second_port_joins_the_Service_and_keeps_its_selector_when_none_is_given()
    {
        var merged = KubernetesObjectComposer.Service(new ServicePortRequest("payments", 9102, "metrics", new Dictionary<string, string>()) { PortName = "metrics" }, Http);

        Assert.Equal(App, merged.Spec.Selector);
        Assert.Equal([("http", 1800), ("metrics", 9102)], merged.Spec.Ports.Select(p => (p.Name, p.Port)));
        Assert.Single(Http.Spec.Ports);
    }

    public static TheoryData<ServicePortRequest, string> Refused => new()
    {
        { new ServicePortRequest("payments", 1800, "9000", App) { PortName = "other" }, "spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:1800, " },
        { new ServicePortRequest("payments", 9102, "9000", App) { PortName = "http" }, "spec.ports[1].name: Duplicate value: \"http\"" },
        { new ServicePortRequest("payments", 9102, "9000", App), "spec.ports[1].name: Required value" },
        { new ServicePortRequest("payments", 9102, "70000", App) { PortName = "big" }, "spec.ports[1].targetPort: Invalid value: 70000" },
        { new ServicePortRequest("payments", 9102, "9000", new Dictionary<string, string> { ["app"] = "other" }) { PortName = "m" }, "spec.selector: Invalid value: \"app=other\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_the_API_server_refuses_across_ports_is_refused_in_its_words(ServicePortRequest request, string message)
    {
        var refused = Assert.Throws<InvalidMeshObjectException>(() => KubernetesObjectComposer.Service(request, Http));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_port_number_under_another_protocol_is_a_different_port()
    {
        var merged = KubernetesObjectComposer.Service(new ServicePortRequest("payments", 1800, "8080", App) { PortName = "dns", Protocol = "UDP" }, Http);

        Assert.Equal(2, merged.Spec.Ports.Count);
    }

    [Fact]
    public void A_request_names_the_Service_of_its_name_in_its_namespace_only()
    {
        Assert.True(KubernetesObjectComposer.IsServiceOf(Http, new ServicePortRequest("payments", 1, "1", App)));
        Assert.False(KubernetesObjectComposer.IsServiceOf(Http, new ServicePortRequest("payments", 1, "1", App) { Namespace = "shop" }));
        Assert.False(KubernetesObjectComposer.IsServiceOf(Http, new ServicePortRequest("frontend", 1, "1", App)));
    }
}
