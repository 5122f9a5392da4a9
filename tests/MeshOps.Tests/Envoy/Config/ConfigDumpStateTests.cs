using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>Resources in every state a dump can hold them, and the camelCase names protojson writes.</summary>
public class ConfigDumpStateTests
{
    [Fact]
    public void A_listener_being_replaced_is_listed_once_per_state_with_the_last_rejection()
    {
        const string json = """
            {"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","version_info":"v2","dynamic_listeners":[{"name":"l",
              "active_state":{"version_info":"v1","listener":{"name":"l","filter_chains":[{}]}},
              "warming_state":{"version_info":"v2","listener":{"name":"l","filter_chains":[{},{}]}},
              "draining_state":{"version_info":"v0","listener":{"name":"l"}},
              "error_state":{"details":"v3 rejected: duplicate filter chain match"}}]}]}
            """;

        var listeners = Parse(json).Listeners;

        Assert.Equal(
            [(EnvoyConfigState.Active, "v1", 1), (EnvoyConfigState.Warming, "v2", 2), (EnvoyConfigState.Draining, "v0", 0)],
            listeners.Select(l => (l.State, l.VersionInfo, l.FilterChains.Count)));
        Assert.All(listeners, l => Assert.Equal("v3 rejected: duplicate filter chain match", l.ErrorDetails));
    }

    [Fact]
    public void Warming_clusters_and_a_rejected_cluster_update_are_told_apart()
    {
        const string json = """
            {"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
              "dynamic_active_clusters":[{"version_info":"1","cluster":{"name":"a","type":"EDS","connect_timeout":"0.250s"},
                "error_state":{"details":"Proto constraint validation failed"}}],
              "dynamic_warming_clusters":[{"version_info":"2","cluster":{"name":"b","type":"EDS"}}]}]}
            """;

        var clusters = Parse(json).Clusters;

        Assert.Equal(("a", EnvoyConfigState.Active, TimeSpan.FromMilliseconds(250)), (clusters[0].Name, clusters[0].State, clusters[0].ConnectTimeout));
        Assert.Equal("Proto constraint validation failed", clusters[0].ErrorDetails);
        Assert.Equal(("b", EnvoyConfigState.Warming, (string?)null), (clusters[1].Name, clusters[1].State, clusters[1].ErrorDetails));
    }

    [Fact]
    public void A_dump_written_by_protojson_in_camelCase_reads_the_same()
    {
        const string json = """
            {"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","dynamicListeners":[{"name":"outbound_listener:127.0.0.1:15001",
              "activeState":{"listener":{"name":"outbound_listener:127.0.0.1:15001","trafficDirection":"OUTBOUND",
                "address":{"socketAddress":{"address":"127.0.0.1","portValue":15001}},
                "filterChains":[{"filterChainMatch":{"prefixRanges":[{"addressPrefix":"10.96.0.10","prefixLen":32}]},
                  "filters":[{"name":"envoy.filters.network.tcp_proxy","typedConfig":{"@type":"type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                    "statPrefix":"upstream.db.default.default.dc1","cluster":"db.default.dc1.internal.td.consul"}}]}]}}}]}]}
            """;

        var chain = Assert.Single(Assert.Single(Parse(json).Listeners).FilterChains);

        Assert.Equal(("10.96.0.10/32", "upstream.db.default.default.dc1", "db"), (chain.Match, chain.StatPrefix, chain.Destination!.Service));
        Assert.Equal("127.0.0.1:15001", Parse(json).Listeners[0].Address);
    }
}
