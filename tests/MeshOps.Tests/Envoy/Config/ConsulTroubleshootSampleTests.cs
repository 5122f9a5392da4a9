using MeshOps.Envoy;
using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>hashicorp/consul troubleshoot's test data: a single saved Listener, and a dump with an RDS route split.</summary>
public class ConsulTroubleshootSampleTests
{
    [Fact]
    public void A_saved_listener_alone_is_read_as_a_static_listener()
    {
        var dump = Parse(Listener);

        var listener = Assert.Single(dump.Listeners);
        Assert.Equal(("outbound_listener:127.0.0.1:15001", EnvoyConfigState.Static, EnvoyTrafficDirection.Outbound), (listener.Name, listener.State, listener.Direction));
        Assert.Collection(
            listener.FilterChains,
            tcp =>
            {
                Assert.Equal(["10.244.0.63/32", "10.244.0.64/32"], tcp.PrefixRanges);
                Assert.Equal("passthrough~foo.default.dc1.internal.dc1.consul", tcp.Cluster);
                Assert.Equal(("passthrough", "foo", "dc1.consul"), (tcp.Destination!.Prefix, tcp.Destination.Service, tcp.Destination.TrustDomain));
            },
            http =>
            {
                Assert.Equal(("Http", "foo", false, "upstream.foo.default.default.dc1"), (http.Kind, http.RouteConfiguration, http.RouteFromRds, http.StatPrefix));
                Assert.Equal("http -> route foo", http.Target);
            });
        var route = Assert.Single(Assert.Single(dump.RouteConfigurations).Routes);
        Assert.Equal(("foo", "foo.default.default.dc1", "foo.default.dc1.internal.dc1.consul"), (route.RouteConfiguration, route.VirtualHost, route.Cluster));
    }

    [Fact]
    public void An_upstream_on_RDS_names_its_route_and_the_route_splits_by_weight()
    {
        var dump = Parse(Upstreams);

        var chains = Assert.Single(dump.Listeners).FilterChains;
        Assert.Equal(3, chains.Count);
        Assert.Equal(("backend", true), (chains[2].RouteConfiguration, chains[2].RouteFromRds));
        var rds = Assert.Single(dump.RouteConfigurations, r => r.Listener is null);
        Assert.Equal((EnvoyConfigState.Active, "8d6d5cdcfdbb614ca333b13b5f4aadb14aba24094b3142108b60e0292ccfe19c"), (rds.State, rds.VersionInfo));
        var split = Assert.Single(rds.Routes);
        Assert.Equal("WeightedClusters", split.Action);
        Assert.Equal(
            [("backend.default.dc1.internal.domain.consul", 5000UL), ("backend2.default.dc1.internal.domain.consul", 5000UL)],
            split.WeightedClusters.Select(w => (w.Name, w.Weight)));
        Assert.Equal("backend2", split.WeightedClusters[1].Destination.Service);
        Assert.Empty(dump.Clusters);
        Assert.False(dump.IncludesEndpoints);
    }
}
