using MeshOps.Clients.Consul;
using MeshOps.Simulation.Consul;

namespace MeshOps.Live.Tests.Consul;

public sealed class ConsulClientEndpointTests
{
    [Fact]
    public async Task Status_leader_is_the_raft_address_or_empty_without_a_leader()
    {
        var state = ConsulTestData.HashiCups();
        await using var server = await SimulatedConsulServer.StartAsync(state);
        using var client = ConsulTestData.Client(server);

        Assert.Equal("10.244.0.10:8300", await client.GetLeaderAsync());
        state.Leader = "";
        Assert.Equal("", await client.GetLeaderAsync());
    }

    [Fact]
    public async Task Agent_self_reads_config_and_the_acl_and_intention_defaults()
    {
        var state = ConsulTestData.HashiCups();
        state.DefaultAllow = false;
        await using var server = await SimulatedConsulServer.StartAsync(state);
        using var client = ConsulTestData.Client(server);

        var self = await client.GetAgentSelfAsync();

        Assert.Equal("dc1", self.Config.Datacenter);
        Assert.Equal("consul-server-0", self.Config.NodeName);
        Assert.True(self.Config.Server);
        Assert.Equal("1.19.2", self.Config.Version);
        Assert.Equal("deny", self.AclDefaultPolicy);
        Assert.False(self.AclsEnabled);
        Assert.Equal("", self.DefaultIntentionPolicy);
        Assert.Equal(8301, self.Member?.Port);
    }

    [Fact]
    public async Task Catalog_services_lists_each_service_and_its_sidecar()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var services = await client.GetServicesAsync();

        Assert.Equal(
            ["consul", "frontend", "frontend-sidecar-proxy", "product-api", "product-api-sidecar-proxy", "public-api", "public-api-sidecar-proxy"],
            services.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(services["consul"]);
        var consul = Assert.Single(await client.GetServiceAsync("consul"));
        Assert.Equal(("consul-server-0", "10.244.0.10", 8300), (consul.Node, consul.ServiceAddress, consul.ServicePort));
    }

    [Fact]
    public async Task Catalog_service_returns_the_instance_and_a_sidecar_names_what_it_fronts()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var api = Assert.Single(await client.GetServiceAsync("public-api"));
        var proxy = Assert.Single(await client.GetServiceAsync("public-api-sidecar-proxy"));

        Assert.Equal("public-api-5c6d7f8b9-fghij-public-api", api.ServiceId);
        Assert.Equal("10.244.1.11", api.ServiceAddress);
        Assert.Equal(8080, api.ServicePort);
        Assert.Equal("", api.ServiceKind);
        Assert.Equal("shop", api.ServiceMeta?["k8s-namespace"]);
        Assert.Equal("node-1-virtual", api.Node);
        Assert.Equal("connect-proxy", proxy.ServiceKind);
        Assert.Equal("public-api", proxy.ServiceProxy?.DestinationServiceName);
        Assert.Equal(8080, proxy.ServiceProxy?.LocalServicePort);
        Assert.Equal(20000, proxy.ServicePort);
        Assert.Empty(await client.GetServiceAsync("no-such-service"));
    }

    [Fact]
    public async Task Health_connect_returns_the_sidecars_of_a_service_with_their_check_status()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var product = Assert.Single(await client.GetConnectHealthAsync("product-api"));
        var publicApi = Assert.Single(await client.GetConnectHealthAsync("public-api"));

        Assert.Equal("product-api-sidecar-proxy", product.Service.Service);
        Assert.Equal("connect-proxy", product.Service.Kind);
        Assert.Equal("product-api", product.Service.Proxy?.DestinationServiceName);
        Assert.Equal("critical", product.AggregatedStatus);
        Assert.Equal("passing", publicApi.AggregatedStatus);
        Assert.Empty(await client.GetConnectHealthAsync("product-api", passingOnly: true));
        Assert.Equal("product-api", Assert.Single(await client.GetServiceHealthAsync("product-api")).Service.Service);
    }

    [Fact]
    public async Task Intentions_check_follows_precedence_and_the_default_policy()
    {
        var state = ConsulTestData.HashiCups();
        await using var server = await SimulatedConsulServer.StartAsync(state);
        using var client = ConsulTestData.Client(server);

        Assert.True(await client.CheckIntentionAsync("public-api", "product-api"));
        Assert.False(await client.CheckIntentionAsync("frontend", "product-api"));
        Assert.True(await client.CheckIntentionAsync("frontend", "payments"));
        state.DefaultAllow = false;
        Assert.False(await client.CheckIntentionAsync("frontend", "payments"));
    }

    [Fact]
    public async Task Intentions_match_lists_the_matching_intentions_highest_precedence_first()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var matches = await client.MatchIntentionsAsync(ConsulIntentionMatchBy.Destination, ["product-api", "frontend"]);

        Assert.Equal(
            [("public-api", "allow"), ("*", "deny")],
            matches["product-api"].Select(i => (i.SourceName, i.Action)));
        Assert.Empty(matches["frontend"]);
        var bySource = await client.MatchIntentionsAsync(ConsulIntentionMatchBy.Source, ["frontend"]);
        Assert.Equal(["public-api", "product-api"], bySource["frontend"].Select(i => i.DestinationName));
    }

    [Fact]
    public async Task Intentions_exact_returns_the_intention_with_its_precedence_or_null()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var exact = await client.GetIntentionAsync("public-api", "product-api");
        var wildcard = await client.GetIntentionAsync("*", "product-api");

        Assert.Equal("allow", exact?.Action);
        Assert.Equal(9, exact?.Precedence);
        Assert.Equal(8, wildcard?.Precedence);
        Assert.Null(await client.GetIntentionAsync("frontend", "product-api"));
    }

    [Fact]
    public async Task Config_entries_are_listed_by_kind_and_read_by_name()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = ConsulTestData.Client(server);

        var defaults = await client.ListConfigEntriesAsync("service-defaults");
        var global = await client.GetConfigEntryAsync("proxy-defaults", "global");

        Assert.Equal(["product-api", "public-api"], defaults.Select(e => e.Name));
        Assert.All(defaults, e => Assert.Equal("http", e.Json["Protocol"]?.GetValue<string>()));
        Assert.True(defaults[0].ModifyIndex > 0);
        Assert.Equal("http", global?.Json["Config"]?["protocol"]?.GetValue<string>());
        Assert.Null(await client.GetConfigEntryAsync("service-defaults", "frontend"));
        Assert.Equal(2, (await client.ListConfigEntriesAsync("service-intentions")).Count);
    }

    [Fact]
    public async Task Ca_roots_return_the_active_root_certificate()
    {
        var state = ConsulTestData.HashiCups();
        await using var server = await SimulatedConsulServer.StartAsync(state);
        using var client = ConsulTestData.Client(server);

        var roots = await client.GetCaRootsAsync();

        var root = Assert.Single(roots.Roots);
        Assert.Equal(roots.ActiveRootId, root.Id);
        Assert.True(root.Active);
        Assert.Equal(state.TrustDomain, roots.TrustDomain);
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(root.RootCert);
        Assert.True(certificate.NotAfter > DateTime.UtcNow);
    }

    [Fact]
    public async Task Namespace_and_partition_are_sent_on_every_request()
    {
        await using var server = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(namespaceMirroringPrefix: ""));
        using var client = new ConsulClient(new ConsulClientOptions { Address = server.BaseAddress.ToString(), Timeouts = ConsulTestData.Fast },
            name => name switch { "CONSUL_NAMESPACE" => "team-a", "CONSUL_PARTITION" => "part-1", _ => null });

        await client.GetServiceAsync("public-api");
        await client.CheckIntentionAsync("a b", "c");

        Assert.Equal(["?ns=team-a&partition=part-1", "?source=a%20b&destination=c&ns=team-a&partition=part-1"], server.Requests.Select(r => r.Query));
    }

    [Fact]
    public async Task A_namespace_asked_for_one_read_replaces_CONSUL_NAMESPACE_and_CE_refusing_it_is_a_clear_error()
    {
        await using var enterprise = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups(namespaceMirroringPrefix: ""));
        await using var community = await SimulatedConsulServer.StartAsync(ConsulTestData.HashiCups());
        using var client = new ConsulClient(new ConsulClientOptions { Address = enterprise.BaseAddress.ToString(), Timeouts = ConsulTestData.Fast },
            name => name == "CONSUL_NAMESPACE" ? "team-a" : null);
        using var ce = ConsulTestData.Client(community);

        Assert.Empty(await client.GetConnectHealthAsync("public-api", consulNamespace: "shop"));
        var refused = await Assert.ThrowsAsync<MeshOps.Clients.EndpointException>(() => ce.GetConnectHealthAsync("public-api", consulNamespace: "shop"));

        Assert.Equal(["?ns=shop"], enterprise.Requests.Select(r => r.Query));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("/v1/health/connect/public-api", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Namespaces are a Consul Enterprise feature", refused.Message, StringComparison.Ordinal);
    }
}
