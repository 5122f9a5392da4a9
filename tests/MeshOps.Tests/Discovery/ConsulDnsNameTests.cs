using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class ConsulDnsNameTests
{
    // host, service, kind, tag, namespace, partition, peer, datacenter, sameness group, remote
    public static TheoryData<string, string, ConsulDnsKind, string?, string?, string?, string?, string?, string?, bool> Names => new()
    {
        { "backend.virtual.consul", "backend", ConsulDnsKind.Virtual, null, null, null, null, null, null, false },
        { "Backend.Virtual.Consul.", "backend", ConsulDnsKind.Virtual, null, null, null, null, null, null, false },
        { "web.service.consul", "web", ConsulDnsKind.Service, null, null, null, null, null, null, false },
        { "v1.web.service.consul", "web", ConsulDnsKind.Service, "v1", null, null, null, null, null, false },
        { "_web._tcp.service.consul", "web", ConsulDnsKind.Service, null, null, null, null, null, null, false },
        { "_web._v1.service.consul", "web", ConsulDnsKind.Service, "v1", null, null, null, null, null, false },
        { "web.connect.consul", "web", ConsulDnsKind.Connect, null, null, null, null, null, null, false },
        { "web.ingress.consul", "web", ConsulDnsKind.Ingress, null, null, null, null, null, null, false },
        // One bare locality label: a datacenter for service lookups, a peer for virtual ones.
        { "web.service.dc2.consul", "web", ConsulDnsKind.Service, null, null, null, null, "dc2", null, true },
        { "v1.web.service.dc2.consul", "web", ConsulDnsKind.Service, "v1", null, null, null, "dc2", null, true },
        { "backend.virtual.dc2-default.consul", "backend", ConsulDnsKind.Virtual, null, null, null, "dc2-default", null, null, true },
        { "backend.virtual.dc2-default.peer.consul", "backend", ConsulDnsKind.Virtual, null, null, null, "dc2-default", null, null, true },
        { "external-service.virtual.dc2-default.peer.consul", "external-service", ConsulDnsKind.Virtual, null, null, null, "dc2-default", null, null, true },
        { "web.service.dc2.dc.consul", "web", ConsulDnsKind.Service, null, null, null, null, "dc2", null, true },
        { "web.service.dc2.cluster.consul", "web", ConsulDnsKind.Service, null, null, null, null, "dc2", null, true },
        { "web.service.cloud.peer.consul", "web", ConsulDnsKind.Service, null, null, null, "cloud", null, null, true },
        // Consul Enterprise namespace, partition and sameness-group labels, in any order.
        { "web.virtual.team.ns.consul", "web", ConsulDnsKind.Virtual, null, "team", null, null, null, null, false },
        { "web.virtual.team.ns.default.ap.consul", "web", ConsulDnsKind.Virtual, null, "team", "default", null, null, null, false },
        { "web.virtual.team.ns.finance.ap.consul", "web", ConsulDnsKind.Virtual, null, "team", "finance", null, null, null, true },
        { "web.service.team.ns.finance.ap.dc2.dc.consul", "web", ConsulDnsKind.Service, null, "team", "finance", null, "dc2", null, true },
        { "web.virtual.team.ns.cloud.peer.consul", "web", ConsulDnsKind.Virtual, null, "team", null, "cloud", null, null, true },
        { "web.service.team.ns.cloud.peer.default.ap.consul", "web", ConsulDnsKind.Service, null, "team", "default", "cloud", null, null, true },
        { "web.service.group.sg.default.ap.team.ns.consul", "web", ConsulDnsKind.Service, null, "team", "default", null, null, "group", true },
        // The legacy two-label form namespace.datacenter.
        { "web.service.team.dc2.consul", "web", ConsulDnsKind.Service, null, "team", null, null, "dc2", null, true },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Consul_dns_names_give_service_kind_and_locality(string host, string service, ConsulDnsKind kind, string? tag,
        string? ns, string? partition, string? peer, string? datacenter, string? samenessGroup, bool remote)
    {
        var name = ConsulDnsName.Parse(host);

        Assert.Equal(new ConsulDnsName(service, kind, tag, ns, partition, peer, datacenter, samenessGroup), name);
        Assert.Equal(remote, name!.IsRemote);
    }

    [Theory]
    [InlineData("consul.example.com")]
    [InlineData("my.service.consul.internal")]
    [InlineData("web.service.consul.example.com")]
    [InlineData("consul")]
    [InlineData("service.consul")]
    [InlineData("virtual.consul")]
    [InlineData("web.consul")]
    [InlineData("web.default.svc.cluster.local")]
    [InlineData("consul-server.consul.svc")]
    [InlineData("consul-server.consul")]
    [InlineData("node1.node.consul")]
    [InlineData("geo.query.consul")]
    [InlineData("web_app.service.consul")]
    [InlineData("a.b.web.virtual.consul")]
    [InlineData("web.service.dc2.dc.cloud.peer.consul")]
    [InlineData("web.service.group.sg.dc2.dc.consul")]
    [InlineData("web.service.group.sg.cloud.peer.consul")]
    [InlineData("web.service.a.b.c.consul")]
    [InlineData("web.service.a.x.b.y.consul")]
    [InlineData("10.0.0.1")]
    [InlineData("")]
    public void Other_hosts_are_not_consul_dns_names(string host)
    {
        Assert.Null(ConsulDnsName.Parse(host));
    }

    [Fact]
    public void A_consul_name_is_not_read_as_a_kubernetes_service_name()
    {
        Assert.Null(KubernetesServiceHost.Split("backend.virtual.consul"));
        Assert.Null(KubernetesServiceHost.Split("web.service.dc2.consul"));
    }

    [Theory]
    [InlineData("UPSTREAM_URIS", "http://backend.virtual.consul:9091", "backend.virtual.consul", 9091, "/")]
    [InlineData("UPSTREAM_URIS", "http://external-service.virtual.consul", "external-service.virtual.consul", 80, "/")]
    [InlineData("API_URL", "https://web.service.consul/api/v1?x=1#top", "web.service.consul", 443, "/api/v1")]
    [InlineData("DB_HOST", "postgres.service.consul:5432", "postgres.service.consul", 5432, null)]
    public void Env_values_naming_consul_services_are_endpoints_with_port_and_path(string key, string value, string host, int port, string? path)
    {
        var endpoint = Assert.Single(EnvVarScanner.Scan(key, value).Endpoints);

        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(path, endpoint.Path);
        Assert.NotNull(endpoint.ConsulName);
    }

    [Fact]
    public void Nginx_proxy_pass_to_a_consul_name_is_an_endpoint_whose_requests_start_with_the_location()
    {
        var endpoint = Assert.Single(NginxConfigScanner.Scan("location /api { proxy_pass http://public-api.virtual.consul:8080; }").Endpoints);

        Assert.Equal("public-api", endpoint.ConsulName!.Service);
        Assert.Equal("/api", endpoint.Path);
    }

    [Fact]
    public void Container_args_naming_a_consul_service_are_endpoints()
    {
        var endpoint = Assert.Single(CommandLineScanner.Scan(["--upstream=grpc://backend.virtual.consul:9090"]).Endpoints);

        Assert.Equal("backend", endpoint.ConsulName!.Service);
        Assert.Equal(9090, endpoint.Port);
    }
}
