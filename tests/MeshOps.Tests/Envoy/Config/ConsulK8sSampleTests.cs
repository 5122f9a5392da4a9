using MeshOps.Envoy;
using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>consul-k8s's real <c>/config_dump?include_eds</c> of a transparent-proxy sidecar (Envoy 1.22).</summary>
public class ConsulK8sSampleTests
{
    private static readonly EnvoyConfigDump Dump = Parse(ConsulK8s);

    [Fact]
    public void The_node_names_the_service_the_sidecar_fronts_and_the_Envoy_version()
    {
        Assert.Equal("backend-658b679b45-d5xlb-backend-sidecar-proxy", Dump.NodeId);
        Assert.Equal(("backend", "default", "default", "1.22.0"), (Dump.Service, Dump.ConsulNamespace, Dump.ConsulPartition, Dump.EnvoyVersion));
        Assert.Equal(
            ["BootstrapConfigDump", "ClustersConfigDump", "EndpointsConfigDump", "ListenersConfigDump", "ScopedRoutesConfigDump", "RoutesConfigDump", "SecretsConfigDump"],
            Dump.Sections.Select(s => s.Type));
    }

    [Fact]
    public void The_public_listener_is_inbound_mTLS_to_local_app()
    {
        var listener = Assert.Single(Dump.Listeners, l => l.Name == "public_listener:192.168.69.179:20000");

        Assert.Equal(EnvoyTrafficDirection.Inbound, listener.Direction);
        Assert.Equal(("192.168.69.179:20000", 20000u), (listener.Address, listener.Port));
        Assert.Equal(EnvoyConfigState.Active, listener.State);
        Assert.Equal(DateTimeOffset.Parse("2022-08-10T12:30:47.142Z", System.Globalization.CultureInfo.InvariantCulture), listener.LastUpdated);
        var chain = Assert.Single(listener.FilterChains);
        Assert.True(chain.IsDefault);
        Assert.Equal("(any)", chain.Match);
        Assert.Equal(("Http", "public_listener", "public_listener", false), (chain.Kind, chain.RouteConfiguration, chain.StatPrefix, chain.RouteFromRds));
        Assert.True(chain.Tls);
        Assert.True(chain.RequireClientCertificate);
        Assert.Equal(["envoy.filters.http.rbac", "envoy.filters.http.router"], chain.HttpFilters);
        var inline = Assert.Single(Dump.RouteConfigurations, r => r.Listener == listener.Name);
        Assert.Equal("local_app", Assert.Single(inline.Routes).Cluster);
    }

    [Fact]
    public void The_HTTP_RBAC_filter_reads_as_the_deny_intentions_it_came_from()
    {
        var listener = Dump.Listeners.Single(l => l.Name.StartsWith("public_listener:", StringComparison.Ordinal));
        var rbac = Assert.Single(Assert.Single(listener.FilterChains).Rbac);

        Assert.True(rbac.IsHttp);
        Assert.True(rbac.Enforced);
        Assert.Equal(EnvoyRbacAction.Deny, rbac.Action);
        Assert.Equal(EnvoyRbacAction.Allow, rbac.DefaultAction);
        Assert.Equal(["default/client", "default/ingress-gateway"], rbac.Intentions.Select(i => i.IntentionSource!.ToString()));
        Assert.All(rbac.Intentions, i =>
        {
            Assert.Equal((EnvoyRbacAction.Deny, "L4", "backend", "consul-intentions-layer4"), (i.Action, i.Layer, i.Destination, i.Policy));
            Assert.Equal(("default", "default", null), (i.SourceNamespace, i.SourcePartition, i.SourcePeer));
            Assert.Empty(i.Except);
        });
        Assert.Equal(rbac.Intentions, listener.Intentions);
        Assert.Equal(rbac.Intentions, Dump.Intentions);
    }

    [Fact]
    public void The_outbound_listener_sends_each_upstream_ip_to_its_cluster_and_the_rest_to_original_destination()
    {
        var listener = Assert.Single(Dump.Listeners, l => l.Name == "outbound_listener:127.0.0.1:15001");

        Assert.Equal(EnvoyTrafficDirection.Outbound, listener.Direction);
        Assert.Equal(["envoy.filters.listener.original_dst"], listener.ListenerFilters);
        Assert.Collection(
            listener.FilterChains,
            c =>
            {
                Assert.Equal(["10.100.134.173/32", "240.0.0.3/32"], c.PrefixRanges);
                Assert.Equal(("TcpProxy", $"client.default.dc1.internal.{TrustDomain}", "upstream.client.default.default.dc1"), (c.Kind, c.Cluster, c.StatPrefix));
                Assert.Equal(("client", EnvoyClusterRole.Upstream), (c.Destination!.Service, c.Destination.Role));
                Assert.False(c.IsDefault);
            },
            c => Assert.Equal(("10.100.31.2/32, 240.0.0.5/32", "frontend"), (c.Match, c.Destination!.Service)),
            c =>
            {
                Assert.True(c.IsDefault);
                Assert.Equal(("original-destination", "upstream.original-destination", EnvoyClusterRole.OriginalDestination), (c.Cluster, c.StatPrefix, c.Destination!.Role));
            });
        Assert.Empty(listener.Intentions);
    }

    [Fact]
    public void Clusters_have_their_type_timeout_SNI_and_expected_SPIFFE_SAN()
    {
        var client = Assert.Single(Dump.Clusters, c => c.Service == "client");
        Assert.Equal(("EDS", EnvoyConfigState.Active, TimeSpan.FromSeconds(5), true), (client.Type, client.State, client.ConnectTimeout, client.Tls));
        Assert.Equal($"client.default.dc1.internal.{TrustDomain}", client.Sni);
        Assert.Equal([$"spiffe://{TrustDomain}/ns/default/dc/dc1/svc/client"], client.ExpectedSans);
        Assert.Equal(("default", "dc1"), (client.Consul.Namespace, client.Consul.Datacenter));

        var agent = Assert.Single(Dump.Clusters, c => c.Name == "local_agent");
        Assert.Equal(("STATIC", EnvoyConfigState.Static, TimeSpan.FromSeconds(1), true, true), (agent.Type, agent.State, agent.ConnectTimeout, agent.Http2, agent.Tls));
        Assert.Equal("192.168.79.187:8502", Assert.Single(agent.Endpoints).Address);
        Assert.Equal(EnvoyClusterRole.ControlPlane, agent.Consul.Role);

        Assert.Equal("ORIGINAL_DST", Dump.Clusters.Single(c => c.Name == "original-destination").Type);
        Assert.Equal("127.0.0.1:8080", Assert.Single(Dump.Clusters.Single(c => c.Name == "local_app").Endpoints).Address);
        Assert.Equal(5, Dump.Clusters.Count);
    }

    [Fact]
    public void Endpoints_from_include_eds_are_read_even_without_a_cluster_name()
    {
        Assert.True(Dump.IncludesEndpoints);
        Assert.Equal(6, Dump.Endpoints.Count);
        Assert.Equal(4, Dump.Endpoints.Count(e => e.Cluster is null && e.Port == 20000));
        Assert.All(Dump.Endpoints, e => Assert.Equal("HEALTHY", e.HealthStatus));
        Assert.Contains(Dump.Endpoints, e => e is { Cluster: "local_agent", Address: "192.168.79.187:8502", State: EnvoyConfigState.Static, Weight: 1 });
    }

    [Fact]
    public void Routes_and_secrets_are_listed_without_secret_content()
    {
        var route = Assert.Single(Dump.RouteConfigurations, r => r.Listener is null);
        Assert.Equal(("public_listener", EnvoyConfigState.Static), (route.Name, route.State));
        var only = Assert.Single(route.Routes);
        Assert.Equal(("prefix /", "local_app", "Cluster", "public_listener"), (only.Match, only.Target, only.Action, only.VirtualHost));
        Assert.Equal(["*"], only.Domains);

        Assert.Collection(
            Dump.Secrets,
            s => Assert.Equal(("default", EnvoyConfigState.Active, "TlsCertificate"), (s.Name, s.State, s.Kind)),
            s => Assert.Equal(("ROOTCA", EnvoyConfigState.Warming, "ValidationContext"), (s.Name, s.State, s.Kind)));
    }

    [Fact]
    public void Sections_are_found_by_type_not_by_position()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ConsulK8s)!;
        var configs = node["configs"]!.AsArray();
        var reversed = new System.Text.Json.Nodes.JsonArray(configs.Reverse().Select(c => c!.DeepClone()).ToArray());
        node["configs"] = reversed;

        var shuffled = Parse(node.ToJsonString());

        Assert.Equal(Dump.Listeners.Select(l => (l.Name, l.FilterChains.Count)), shuffled.Listeners.Select(l => (l.Name, l.FilterChains.Count)));
        Assert.Equal(Dump.Clusters.Select(c => c.Name), shuffled.Clusters.Select(c => c.Name));
        Assert.Equal(Dump.Intentions.Select(i => i.ToString()), shuffled.Intentions.Select(i => i.ToString()));
        Assert.Equal(Dump.Endpoints.Count, shuffled.Endpoints.Count);
    }

    [Fact]
    public void Without_include_eds_no_endpoints_are_claimed()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ConsulK8s)!;
        var configs = node["configs"]!.AsArray();
        configs.Remove(configs.Single(c => ((string)c!["@type"]!).EndsWith("EndpointsConfigDump", StringComparison.Ordinal)));

        var dump = Parse(node.ToJsonString());

        Assert.False(dump.IncludesEndpoints);
        Assert.Empty(dump.Endpoints);
        Assert.Equal(2, dump.Listeners.Count);
    }
}
