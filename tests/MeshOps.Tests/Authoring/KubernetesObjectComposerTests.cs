using k8s.Models;
using MeshOps.Authoring;

namespace MeshOps.Tests.Authoring;

public class KubernetesObjectComposerTests
{
    private static readonly Dictionary<string, string> App = new() { ["app"] = "payments" };

    [Fact]
    public void A_service_maps_its_one_port_to_a_numeric_or_named_target_port()
    {
        var numeric = KubernetesObjectComposer.Service(new ServicePortRequest("payments", 1800, "8080", App) { Namespace = "shop", PortName = "http" });
        var named = KubernetesObjectComposer.Service(new ServicePortRequest("payments", 1800, "http", App));

        Assert.Equal(("v1", "Service", "payments", "shop"), (numeric.ApiVersion, numeric.Kind, numeric.Metadata.Name, numeric.Metadata.NamespaceProperty));
        Assert.Equal("ClusterIP", numeric.Spec.Type);
        Assert.Equal(App, numeric.Spec.Selector);
        var port = Assert.Single(numeric.Spec.Ports);
        Assert.Equal(("http", "TCP", 1800), (port.Name, port.Protocol, port.Port));
        Assert.Equal("8080", k8s.KubernetesJson.Serialize(port.TargetPort));
        Assert.Equal("\"http\"", k8s.KubernetesJson.Serialize(Assert.Single(named.Spec.Ports).TargetPort));
    }

    [Fact]
    public void A_service_account_sets_the_token_mount_only_when_asked()
    {
        var unset = KubernetesObjectComposer.ServiceAccount("products-api");
        var off = KubernetesObjectComposer.ServiceAccount("products-api", "shop", automountToken: false);

        Assert.Equal(("v1", "ServiceAccount", "products-api"), (unset.ApiVersion, unset.Kind, unset.Metadata.Name));
        Assert.Null(unset.AutomountServiceAccountToken);
        Assert.Null(unset.Metadata.NamespaceProperty);
        Assert.False(off.AutomountServiceAccountToken);
        Assert.Equal("shop", off.Metadata.NamespaceProperty);
    }

    public static TheoryData<ServicePortRequest, string> RefusedServices => new()
    {
        { new ServicePortRequest("1payments", 80, "80", App), "metadata.name: Invalid value: \"1payments\": a DNS-1035 label must consist of" },
        { new ServicePortRequest("payments", 0, "80", App), "spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive" },
        { new ServicePortRequest("payments", 80, "70000", App), "spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive" },
        { new ServicePortRequest("payments", 80, "99999999999", App), "spec.ports[0].targetPort: Invalid value: 2147483647: must be between 1 and 65535" },
        { new ServicePortRequest("payments", 80, "very-long-port-name", App), "spec.ports[0].targetPort: Invalid value: \"very-long-port-name\": must be no more than 15 characters" },
        { new ServicePortRequest("payments", 80, "HTTP", App), "spec.ports[0].targetPort: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)" },
        { new ServicePortRequest("payments", 80, "http--2", App), "spec.ports[0].targetPort: Invalid value: \"http--2\": must not contain consecutive hyphens" },
        { new ServicePortRequest("payments", 80, "-http", App), "spec.ports[0].targetPort: Invalid value: \"-http\": must not begin or end with a hyphen" },
        { new ServicePortRequest("payments", 80, "8-0", App), "spec.ports[0].targetPort: Invalid value: \"8-0\": must contain at least one letter (a-z)" },
        { new ServicePortRequest("payments", 80, "80", App) { PortName = "Http" }, "spec.ports[0].name: Invalid value: \"Http\": a lowercase RFC 1123 label" },
        { new ServicePortRequest("payments", 80, "80", App) { Protocol = "tcp" }, "spec.ports[0].protocol: Unsupported value: \"tcp\"" },
        { new ServicePortRequest("payments", 80, "80", new Dictionary<string, string>()), "spec.selector: Required value" },
        { new ServicePortRequest("payments", 80, "80", App) { Namespace = "Shop" }, "metadata.namespace: Invalid value: \"Shop\"" },
    };

    [Theory]
    [MemberData(nameof(RefusedServices))]
    public void What_the_API_server_refuses_in_a_service_is_refused_with_its_words(ServicePortRequest request, string message)
    {
        var refused = Assert.Throws<InvalidMeshObjectException>(() => KubernetesObjectComposer.Service(request));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "metadata.name: Required value")]
    [InlineData("Products", "metadata.name: Invalid value: \"Products\": a lowercase RFC 1123 subdomain")]
    public void What_the_API_server_refuses_in_a_service_account_is_refused_with_its_words(string name, string message)
    {
        var refused = Assert.Throws<InvalidMeshObjectException>(() => KubernetesObjectComposer.ServiceAccount(name));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }
}
