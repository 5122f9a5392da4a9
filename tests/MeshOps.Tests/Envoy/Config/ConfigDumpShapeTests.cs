using System.Text.Json.Nodes;
using MeshOps.Envoy;
using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>Answers other than a full dump (<c>?resource=</c>), proto3 omissions, and input that is no config dump.</summary>
public class ConfigDumpShapeTests
{
    private static JsonArray SampleSection(string type, string field)
    {
        var configs = JsonNode.Parse(ConsulK8s)!["configs"]!.AsArray();
        return configs.Single(c => ((string)c!["@type"]!).EndsWith(type, StringComparison.Ordinal))![field]!.AsArray();
    }

    private static string ResourceAnswer(string itemType, JsonArray items) => new JsonObject
    {
        ["configs"] = new JsonArray(items.Select(i =>
        {
            var copy = i!.DeepClone().AsObject();
            copy.Insert(0, "@type", "type.googleapis.com/envoy.admin.v3." + itemType);
            return (JsonNode)copy;
        }).ToArray()),
    }.ToJsonString();

    [Fact]
    public void A_resource_answer_of_dynamic_clusters_is_read_item_by_item()
    {
        var json = ResourceAnswer("ClustersConfigDump.DynamicCluster", SampleSection("ClustersConfigDump", "dynamic_active_clusters"));

        var dump = Parse(json, "dynamic_active_clusters");

        Assert.Equal(["client", "frontend", null, null], dump.Clusters.Select(c => c.Service));
        Assert.All(dump.Clusters, c => Assert.Equal(EnvoyConfigState.Active, c.State));
        Assert.Equal("dynamic_active_clusters", dump.Resource);
        Assert.All(dump.Sections, s => Assert.Equal("ClustersConfigDump.DynamicCluster", s.Type));

        var warming = Parse(json, "dynamic_warming_clusters");
        Assert.All(warming.Clusters, c => Assert.Equal(EnvoyConfigState.Warming, c.State));
    }

    [Fact]
    public void A_resource_answer_of_dynamic_listeners_keeps_their_intentions()
    {
        var json = ResourceAnswer("ListenersConfigDump.DynamicListener", SampleSection("ListenersConfigDump", "dynamic_listeners"));

        var dump = Parse(json, "dynamic_listeners");

        Assert.Equal(2, dump.Listeners.Count);
        Assert.Equal(2, dump.Intentions.Count);
        Assert.Null(dump.Intentions[0].Destination);
    }

    [Theory]
    [InlineData("static_clusters", new[] { "local_agent" })]
    [InlineData("dynamic_active_clusters", new[] { "client", "frontend", "local_app", "original-destination" })]
    [InlineData("dynamic_warming_clusters", new string[0])]
    [InlineData("dynamic_listeners", new[] { "public_listener:192.168.69.179:20000", "outbound_listener:127.0.0.1:15001" })]
    [InlineData("static_route_configs", new[] { "public_listener" })]
    [InlineData("dynamic_warming_secrets", new[] { "ROOTCA" })]
    [InlineData("no_such_field", new string[0])]
    public void The_items_of_a_field_are_the_same_from_a_full_dump_and_from_a_resource_answer(string resource, string[] expected)
    {
        var names = Parse(ConsulK8s).ItemsOf(resource).Select(Name).ToList();

        Assert.Equal(expected, names);
        if (resource.EndsWith("_clusters", StringComparison.Ordinal) && resource.StartsWith("dynamic", StringComparison.Ordinal))
        {
            var answer = ResourceAnswer("ClustersConfigDump.DynamicCluster", resource == "dynamic_active_clusters" ? SampleSection("ClustersConfigDump", "dynamic_active_clusters") : []);
            Assert.Equal(expected, Parse(answer, resource).ItemsOf(resource).Select(Name));
        }
    }

    private static string Name(object item) => item switch
    {
        EnvoyClusterConfig c => c.Service ?? c.Name,
        EnvoyListener l => l.Name,
        EnvoyRouteConfiguration r => r.Name,
        EnvoySecretConfig s => s.Name,
        _ => item.ToString()!,
    };

    [Fact]
    public void A_rejected_listener_shows_the_reason_Envoy_gave()
    {
        const string json = """
            {"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","dynamic_listeners":[
              {"name":"public_listener:10.0.0.5:20000","error_state":{"failed_configuration":{},"last_update_attempt":"2024-01-01T00:00:00Z",
                "details":"Error adding/updating listener(s) public_listener:10.0.0.5:20000: unknown filter"}}]}]}
            """;

        var listener = Assert.Single(Parse(json).Listeners);

        Assert.Equal(EnvoyConfigState.Rejected, listener.State);
        Assert.Contains("unknown filter", listener.ErrorDetails, StringComparison.Ordinal);
        Assert.Equal(EnvoyTrafficDirection.Inbound, listener.Direction);
    }

    [Fact]
    public void Proto3_omissions_read_as_Envoy_defaults_and_numbers_may_be_strings()
    {
        const string json = """
            {"configs":[
              {"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump","static_clusters":[{"cluster":{"name":"plain",
                "load_assignment":{"endpoints":[{"priority":"2","lb_endpoints":[{"endpoint":{"address":{"socket_address":{"address":"fd00::1","port_value":8080}}},"load_balancing_weight":"7"}]}]}}}]},
              {"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","static_listeners":[{"listener":{"name":"x",
                "address":{"socket_address":{"address":"::","port_value":"15001"}},
                "filter_chains":[{"filter_chain_match":{"destination_port":"8443","server_names":["a.example"],"prefix_ranges":[{"address_prefix":"10.0.0.0"}]},
                  "filters":[{"name":"envoy.filters.network.tcp_proxy","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy",
                    "weighted_clusters":{"clusters":[{"name":"a","weight":"1"},{"name":"b","weight":"9"}]}}}]}],
                "default_filter_chain":{"filters":[{"name":"envoy.filters.network.direct_response"}]}}}]}]}
            """;

        var dump = Parse(json);

        var cluster = Assert.Single(dump.Clusters);
        Assert.Equal(("STATIC", TimeSpan.FromSeconds(5), "ROUND_ROBIN", false), (cluster.Type, cluster.ConnectTimeout, cluster.LbPolicy, cluster.Tls));
        var endpoint = Assert.Single(cluster.Endpoints);
        Assert.Equal(("[fd00::1]:8080", 7UL, 2UL, "UNKNOWN", "plain"), (endpoint.Address, endpoint.Weight, endpoint.Priority, endpoint.HealthStatus, endpoint.Cluster));
        var listener = Assert.Single(dump.Listeners);
        Assert.Equal(("[::]:15001", EnvoyTrafficDirection.Unspecified), (listener.Address, listener.Direction));
        Assert.Collection(
            listener.FilterChains,
            c =>
            {
                Assert.Equal("10.0.0.0/0, port 8443, sni a.example", c.Match);
                Assert.Equal(("b", false), (c.Cluster, c.IsDefault));
                Assert.Equal(2, c.WeightedClusters.Count);
            },
            c => Assert.Equal((true, "envoy.filters.network.direct_response", 1), (c.IsDefault, c.Kind, c.Index)));
    }

    [Theory]
    [InlineData("{\"configs\": [", 1)]
    [InlineData("{\n\"configs\":\n[}\n", 3)]
    public void Broken_json_is_an_error_naming_the_source_and_line(string json, int line)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => Parse(json));

        Assert.Equal((line, "/config_dump"), (error.Line, error.Output));
        Assert.StartsWith("sample.json: /config_dump line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"stats\":[]}", "no \"configs\" array")]
    [InlineData("{\"configs\":[{\"dynamic_listeners\":[]}]}", "configs[0] has no @type")]
    [InlineData("{\"configs\":[1]}", "configs[0] is not an object")]
    [InlineData("{\"configs\":[{\"@type\":\"type.googleapis.com/envoy.admin.v3.ClustersConfigDump\",\"static_clusters\":[{\"cluster\":{}}]}]}", "a cluster has no name")]
    public void Json_that_is_no_config_dump_is_an_error_not_an_empty_answer(string json, string problem)
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyConfigDumpParser.Parse(EnvoySource.ForUrl(new Uri("http://127.0.0.1:19000")), json, "static_clusters"));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal("/config_dump?resource=static_clusters", error.Output);
    }
}
