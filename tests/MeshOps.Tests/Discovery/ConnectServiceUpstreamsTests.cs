using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class ConnectServiceUpstreamsTests
{
    [Fact]
    public void Unlabeled_entries_may_carry_namespace_partition_and_datacenter()
    {
        var result = ConnectServiceUpstreams.Parse("db:1234, api.shop:9090, cache.shop.team-a:6379:dc2");

        Assert.Empty(result.Errors);
        Assert.Equal(
            [("db", null, null, 1234, null), ("api", "shop", null, 9090, null), ("cache", "shop", "team-a", 6379, "dc2")],
            result.Upstreams.Select(u => (u.Service, u.Namespace, u.Partition, u.LocalPort, u.Datacenter)));
        Assert.Equal("api.shop:9090", result.Upstreams[1].Excerpt);
    }

    [Fact]
    public void Without_namespaces_a_dotted_name_is_taken_literally()
    {
        var upstream = Assert.Single(ConnectServiceUpstreams.Parse("api.shop:9090", namespacesOrPartitionsEnabled: false).Upstreams);

        Assert.Equal(("api.shop", (string?)null), (upstream.Service, upstream.Namespace));
    }

    [Theory]
    [InlineData("web.svc:8080", "web", null, null, null, null)]
    [InlineData("web.svc.shop.ns:8080", "web", "shop", null, null, null)]
    [InlineData("web.svc.shop.ns.east.peer:8080", "web", "shop", "east", null, null)]
    [InlineData("web.svc.shop.ns.team-a.ap:8080", "web", "shop", null, "team-a", null)]
    [InlineData("web.svc.shop.ns.dc2.dc:8080", "web", "shop", null, null, "dc2")]
    public void Labeled_entries_name_each_part(string annotation, string service, string? ns, string? peer, string? partition, string? datacenter)
    {
        var upstream = Assert.Single(ConnectServiceUpstreams.Parse(annotation).Upstreams);

        Assert.Equal((service, ns, peer, partition, datacenter, 8080), (upstream.Service, upstream.Namespace, upstream.Peer, upstream.Partition, upstream.Datacenter, upstream.LocalPort));
    }

    [Fact]
    public void Labeled_peer_without_namespaces_uses_the_short_form()
    {
        var upstream = Assert.Single(ConnectServiceUpstreams.Parse("web.svc.east.peer:8080", namespacesOrPartitionsEnabled: false).Upstreams);

        Assert.Equal(("web", "east"), (upstream.Service, upstream.Peer));
    }

    [Fact]
    public void Prepared_query_is_flagged()
    {
        var upstream = Assert.Single(ConnectServiceUpstreams.Parse("prepared_query:geo-db:8200").Upstreams);

        Assert.Equal(("geo-db", 8200, true), (upstream.Service, upstream.LocalPort, upstream.IsPreparedQuery));
    }

    [Fact]
    public void Named_port_is_kept_for_the_caller_to_resolve()
    {
        var upstream = Assert.Single(ConnectServiceUpstreams.Parse("db:postgres-port").Upstreams);

        Assert.Equal((0, "postgres-port"), (upstream.LocalPort, upstream.PortName));
    }

    [Theory]
    [InlineData("web.svc.shop.xx:8080", "upstream structured incorrectly: web.svc.shop.xx:8080")]
    [InlineData("web.svc.shop.ns.x.zone:8080", "upstream structured incorrectly: web.svc.shop.ns.x.zone:8080")]
    [InlineData("db", "upstream \"db\" has no port: expected <service>:<port>")]
    [InlineData("db:", "upstream \"db:\" has no port: expected <service>:<port>")]
    public void Malformed_entries_are_errors(string annotation, string message)
    {
        var result = ConnectServiceUpstreams.Parse(annotation);

        Assert.Empty(result.Upstreams);
        Assert.Equal(message, Assert.Single(result.Errors));
    }

    [Fact]
    public void Empty_entries_are_ignored()
    {
        var result = ConnectServiceUpstreams.Parse("a:1, ,b:2,");

        Assert.Empty(result.Errors);
        Assert.Equal(["a", "b"], result.Upstreams.Select(u => u.Service));
    }

    [Theory]
    [InlineData(":8080", "upstream \":8080\" names no service")]
    [InlineData("prepared_query:geo-db", "upstream structured incorrectly: prepared_query:geo-db")]
    [InlineData("web.svc.shop:8080", "upstream structured incorrectly: web.svc.shop:8080")]
    public void More_malformed_entries_are_errors(string annotation, string message)
    {
        var result = ConnectServiceUpstreams.Parse(annotation);

        Assert.Empty(result.Upstreams);
        Assert.Equal(message, Assert.Single(result.Errors));
    }

    [Fact]
    public void Without_namespaces_six_part_labeled_form_is_rejected()
    {
        var result = ConnectServiceUpstreams.Parse("web.svc.shop.ns.east.dc:8080", namespacesOrPartitionsEnabled: false);

        Assert.Empty(result.Upstreams);
        Assert.Equal("upstream structured incorrectly: web.svc.shop.ns.east.dc:8080", Assert.Single(result.Errors));
    }
}
