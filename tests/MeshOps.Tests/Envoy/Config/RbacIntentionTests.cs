using MeshOps.Envoy.Config;
using static MeshOps.Tests.Envoy.Config.ConfigSamples;

namespace MeshOps.Tests.Envoy.Config;

/// <summary>
/// RBAC filters as hashicorp/consul agent/xds/rbac.go writes them, read back into intentions: precedence folded into
/// not_id, L7 permissions with earlier permissions folded into not_rule, partitions, peers and proto3 defaults.
/// </summary>
public class RbacIntentionTests
{
    private const string Td = "11111111-2222-3333-4444-555555555555.consul";
    private const string PeerTd = "99999999-8888-7777-6666-555555555555.consul";

    // JSON templates fill in TD, PEER_TD and the parts with plain replacement: nested JSON braces defeat interpolation.
    private static string Fill(string template, params string[] parts)
    {
        var text = template;
        for (var i = 0; i < parts.Length; i++)
            text = text.Replace("%" + i, parts[i], StringComparison.Ordinal);
        return text.Replace("PEER_TD", PeerTd, StringComparison.Ordinal).Replace("TD", Td, StringComparison.Ordinal);
    }

    private static string Dump(string firstFilter, string extraClusters = "") => Fill(
        """
        {"configs":[
          {"@type":"type.googleapis.com/envoy.admin.v3.BootstrapConfigDump","bootstrap":{"node":{"id":"api-0","cluster":"api"}}},
          {"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump","dynamic_active_clusters":[
            {"cluster":{"name":"db.default.dc1.internal.TD","type":"EDS"}}%1]},
          {"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","dynamic_listeners":[{"name":"public_listener:10.0.0.5:20000",
            "active_state":{"listener":{"name":"public_listener:10.0.0.5:20000","traffic_direction":"INBOUND",
              "address":{"socket_address":{"address":"10.0.0.5","port_value":20000}},
              "filter_chains":[{"filters":[%0,
                {"name":"envoy.filters.network.tcp_proxy","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy","stat_prefix":"public_listener","cluster":"local_app"}}]}]}}}]}
        ]}
        """,
        firstFilter,
        extraClusters);

    private static string NetworkRbac(string rules) => Fill(
        """{"name":"envoy.filters.network.rbac","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.network.rbac.v3.RBAC","stat_prefix":"connect_authz"%0}}""",
        rules);

    private static string Id(string pattern) => Fill(
        """{"authenticated":{"principal_name":{"safe_regex":{"google_re2":{},"regex":"%0"}}}}""",
        pattern);

    private static string Layer4(string action, params string[] principals) => Fill(
        ""","rules":{%0"policies":{"consul-intentions-layer4":{"permissions":[{"any":true}],"principals":[%1]}}}""",
        action.Length == 0 ? "" : $"\"action\":\"{action}\",",
        string.Join(',', principals));

    [Fact]
    public void Default_deny_is_an_allow_list_and_a_higher_precedence_deny_is_an_exception()
    {
        // web -> api DENY (exact, higher precedence) and */* -> api ALLOW, default deny: Consul writes ALLOW [*/* and not web].
        var principal = Fill(
            """{"and_ids":{"ids":[%0,{"not_id":%1}]}}""",
            Id("^spiffe://[^/]+/ns/[^/]+/dc/[^/]+/svc/[^/]+$"),
            Id("^spiffe://[^/]+/ns/default/dc/[^/]+/svc/web$"));

        // ALLOW is enum value 0: proto3 JSON leaves "action" out.
        var rbac = Assert.Single(Assert.Single(Parse(Dump(NetworkRbac(Layer4("", principal)))).Listeners).FilterChains.Single().Rbac);

        Assert.Equal((EnvoyRbacAction.Allow, EnvoyRbacAction.Deny, "connect_authz", false), (rbac.Action, rbac.DefaultAction, rbac.StatPrefix, rbac.IsHttp));
        var intention = Assert.Single(rbac.Intentions);
        Assert.Equal(("*", "*", "default"), (intention.SourceService, intention.SourceNamespace, intention.SourcePartition));
        Assert.Equal("default/web", Assert.Single(intention.Except).ToString());
        Assert.Equal("*/* -> api: Allow except default/web", intention.ToString());
        Assert.Equal("envoy.filters.network.rbac", intention.FilterName);
    }

    [Fact]
    public void Rules_with_no_policies_deny_everything_and_a_filter_without_rules_enforces_nothing()
    {
        var denyAll = Assert.Single(Parse(Dump(NetworkRbac(""","rules":{}"""))).Listeners.Single().FilterChains.Single().Rbac);
        Assert.True(denyAll.Enforced);
        Assert.Empty(denyAll.Intentions);
        Assert.Equal(EnvoyRbacAction.Deny, denyAll.DefaultAction);

        var none = Assert.Single(Parse(Dump(NetworkRbac(""))).Listeners.Single().FilterChains.Single().Rbac);
        Assert.False(none.Enforced);
        Assert.Equal(EnvoyRbacAction.Allow, none.DefaultAction);
    }

    [Fact]
    public void An_L7_intention_reads_its_paths_methods_headers_and_earlier_permissions()
    {
        // Permissions [path /admin: deny, prefix /api with GET|POST and header x-env: allow], default deny: Consul keeps
        // the allow one with the deny one folded in as not_rule.
        var allow = Fill(
            """
            {"and_rules":{"rules":[
              {"url_path":{"path":{"prefix":"/api"}}},
              {"header":{"name":"x-env","exact_match":"prod"}},
              {"header":{"name":":method","safe_regex_match":{"google_re2":{},"regex":"GET|POST"}}},
              {"not_rule":{"url_path":{"path":{"exact":"/admin"}}}}]}}
            """);
        var filter = Fill(
            """
            {"name":"envoy.filters.http.rbac","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC",
              "rules":{"policies":{"consul-intentions-layer7-0":{"permissions":[%0],"principals":[%1]}}}}}
            """,
            allow,
            Id("^spiffe://[^/]+/ap/finance/ns/billing/dc/[^/]+/svc/web$"));
        var hcm = Fill(
            """
            {"name":"envoy.filters.network.http_connection_manager","typed_config":{"@type":"type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
              "stat_prefix":"public_listener","route_config":{"name":"public_listener"},"http_filters":[%0,{"name":"envoy.filters.http.router"}]}}
            """,
            filter);

        var chain = Parse(Dump(hcm)).Listeners.Single().FilterChains.Single();
        var intention = Assert.Single(Assert.Single(chain.Rbac, r => r.IsHttp).Intentions);

        Assert.Equal(("L7", "consul-intentions-layer7-0", EnvoyRbacAction.Allow), (intention.Layer, intention.Policy, intention.Action));
        Assert.Equal("finance/billing/web", intention.IntentionSource!.ToString());
        var permission = Assert.Single(intention.Permissions);
        Assert.Equal(("/api", (string?)null), (permission.PathPrefix, permission.PathExact));
        Assert.Equal(["GET", "POST"], permission.Methods);
        Assert.Equal(new EnvoyHeaderMatch("x-env", "exact", "prod", false), Assert.Single(permission.Headers));
        Assert.Equal("/admin", Assert.Single(permission.Except).PathExact);
        Assert.Equal("GET|POST prefix /api header x-env exact prod except (path /admin)", permission.ToString());
    }

    [Fact]
    public void A_source_from_another_trust_domain_is_the_peer_whose_upstream_cluster_expects_that_domain()
    {
        var peered = Fill(
            """
            ,{"cluster":{"name":"pay.default.default.east.external.TD","type":"EDS","transport_socket":{"name":"tls","typed_config":{
              "@type":"type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext","common_tls_context":{"validation_context":{
              "match_typed_subject_alt_names":[{"san_type":"URI","matcher":{"exact":"spiffe://PEER_TD/ap/default/ns/default/dc/east-dc/svc/pay"}}]}}}}}}
            """);
        var rules = Layer4("DENY", Id("^spiffe://PEER_TD/ap/default/ns/default/dc/[^/]+/svc/web$"), Id("^spiffe://TD/ns/default/dc/[^/]+/svc/local$"));

        var intentions = Parse(Dump(NetworkRbac(rules), peered)).Intentions;

        Assert.Collection(
            intentions,
            i =>
            {
                Assert.Equal(("web", "east", PeerTd, true), (i.SourceService, i.SourcePeer, i.IntentionSource!.TrustDomain, i.IntentionSource.IsPeered));
                Assert.Equal("peer:east/default/web", i.IntentionSource.ToString());
            },
            i => Assert.Equal(("local", false, (string?)null), (i.SourceService, i.IntentionSource!.IsPeered, i.SourcePeer)));
        Assert.All(intentions, i => Assert.Equal(EnvoyRbacAction.Deny, i.Action));
    }

    [Fact]
    public void A_principal_Consul_does_not_write_is_described_not_dropped()
    {
        const string rules = ""","rules":{"policies":{"custom":{"permissions":[{"destination_port":8080}],"principals":[{"header":{"name":"x-user"}}]}}}""";

        var intention = Assert.Single(Parse(Dump(NetworkRbac(rules))).Intentions);

        Assert.Null(intention.IntentionSource);
        Assert.Equal(("header", "custom", true), (intention.Principal, intention.Policy, intention.IsLayer7));
        Assert.Equal(["destination_port"], Assert.Single(intention.Permissions).Other);
    }
}
