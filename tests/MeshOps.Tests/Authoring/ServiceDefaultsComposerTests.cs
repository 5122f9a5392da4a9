using MeshOps.Authoring;
using MeshOps.Consul;

namespace MeshOps.Tests.Authoring;

public class ServiceDefaultsComposerTests
{
    [Fact]
    public void A_request_sets_the_fields_it_names_and_no_other()
    {
        var defaults = ServiceDefaultsComposer.Compose(new ServiceDefaultsRequest("products-api", MeshProtocol.Http)
        {
            Namespace = "shop",
            MutualTlsMode = ServiceDefaultsMutualTLSMode.Strict,
            MeshGatewayMode = ServiceDefaultsMeshGatewayMode.Local,
            LocalRequestTimeoutMs = 3000,
        });

        Assert.Equal("products-api", defaults.Metadata.Name);
        Assert.Equal("shop", defaults.Metadata.NamespaceProperty);
        Assert.Equal(MeshProtocol.Http, defaults.Spec.Protocol);
        Assert.Equal(ServiceDefaultsMutualTLSMode.Strict, defaults.Spec.MutualTLSMode);
        Assert.Equal(ServiceDefaultsMeshGatewayMode.Local, defaults.Spec.MeshGateway!.Mode);
        Assert.Equal(3000, defaults.Spec.LocalRequestTimeoutMs);
        Assert.Null(defaults.Spec.LocalConnectTimeoutMs);
        Assert.Null(defaults.Spec.MaxInboundConnections);
        Assert.Null(defaults.Spec.UpstreamConfig);
        Assert.Null(defaults.Spec.Mode);
    }

    [Fact]
    public void An_upstream_override_map_is_read_by_the_CRD_field_names_in_any_case()
    {
        var defaults = ServiceDefaultsComposer.Compose(new ServiceDefaultsRequest("products-api", MeshProtocol.Http)
        {
            UpstreamOverrides =
            [
                new Dictionary<string, object?> { ["name"] = "postgres", ["PROTOCOL"] = "tcp", ["ConnectTimeoutMs"] = 5000, ["MaxConnections"] = "10", ["MeshGatewayMode"] = "remote" },
                new Dictionary<string, object?> { ["Name"] = "payments", ["Peer"] = "dc2" },
            ],
        });

        var overrides = defaults.Spec.UpstreamConfig!.Overrides!;
        Assert.Equal(["postgres", "payments"], overrides.Select(o => o.Name));
        Assert.Equal(MeshProtocol.Tcp, overrides[0].Protocol);
        Assert.Equal(5000, overrides[0].ConnectTimeoutMs);
        Assert.Equal(10, overrides[0].Limits!.MaxConnections);
        Assert.Equal(ServiceDefaultsMeshGatewayMode.Remote, overrides[0].MeshGateway!.Mode);
        Assert.Equal("dc2", overrides[1].Peer);
        Assert.Null(overrides[1].Limits);
    }

    public static TheoryData<ServiceDefaultsRequest, string> Refused => new()
    {
        { new ServiceDefaultsRequest("Products_API", MeshProtocol.Http), "metadata.name: Invalid value: \"Products_API\": a lowercase RFC 1123 subdomain must consist of" },
        { new ServiceDefaultsRequest("web", MeshProtocol.Http) { Namespace = "a.b" }, "metadata.namespace: Invalid value: \"a.b\": a lowercase RFC 1123 label" },
        { new ServiceDefaultsRequest("web", MeshProtocol.Http) { MaxInboundConnections = -1 }, "spec.maxInboundConnections: Invalid value: -1: MaxInboundConnections must be > 0" },
        { new ServiceDefaultsRequest("web", MeshProtocol.Http) { LocalConnectTimeoutMs = -5 }, "spec.localConnectTimeoutMs: Invalid value: -5: LocalConnectTimeoutMs must be > 0" },
        { WithOverride(new() { ["Protocol"] = "tcp" }), "spec.upstreamConfig.overrides[0]: upstream.name for an override upstream cannot be \"\"" },
        { WithOverride(new() { ["Name"] = "db", ["Peer"] = "dc2", ["Namespace"] = "ns" }), "spec.upstreamConfig.overrides[0]: both namespace and peer cannot be specified." },
        { WithOverride(new() { ["Name"] = "db", ["Peer"] = "dc2", ["Partition"] = "p" }), "spec.upstreamConfig.overrides[0]: both partition and peer cannot be specified." },
        { WithOverride(new() { ["Name"] = "db", ["Protocol"] = "mongo" }), "spec.upstreamConfig.overrides[0].protocol: Invalid value: \"mongo\": must be one of \"tcp\", \"http\", \"http2\", \"grpc\"" },
        { WithOverride(new() { ["Name"] = "db", ["ConnectTimeoutMs"] = "soon" }), "spec.upstreamConfig.overrides[0].connectTimeoutMs: Invalid value: \"soon\": must be a whole number" },
        { WithOverride(new() { ["Name"] = "db", ["Timeout"] = 5 }), "spec.upstreamConfig.overrides[0]: unknown key 'Timeout'; an upstream override takes Name, Namespace," },
        { WithOverride(new() { ["Name"] = 5 }), "spec.upstreamConfig.overrides[0].name: Invalid value: 5: must be a string" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_Consul_or_Kubernetes_refuses_is_refused_with_their_words(ServiceDefaultsRequest request, string message)
    {
        var refused = Assert.Throws<InvalidMeshObjectException>(() => ServiceDefaultsComposer.Compose(request));

        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    private static ServiceDefaultsRequest WithOverride(Dictionary<string, object?> map) =>
        new("web", MeshProtocol.Http) { UpstreamOverrides = [map] };
}
