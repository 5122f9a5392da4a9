using System.Text.Json.Nodes;
using MeshOps.Simulation.Cluster;

namespace MeshOps.Live.Tests.Cluster;

/// <summary>
/// The simulated consul-k8s controllers against Consul's graph check on HTTP permissions (state/config_entry.go): an
/// L7 intention for a tcp service is refused, syncs once the service becomes http (consul-k8s retries a failed write),
/// and a tcp ServiceDefaults, or a global ProxyDefaults taking HTTP from a service without its own, is then refused
/// while those permissions stand.
/// </summary>
public sealed class ConfigEntryControllerTests
{
    private const string Group = "consul.hashicorp.com";

    private static JsonObject Write(SimulatedCluster cluster, string yaml)
    {
        var obj = MeshOps.Simulation.Kubernetes.Apply.YamlJson.ParseObject(yaml);
        cluster.Store.Put(obj);
        return obj;
    }

    private static void PostgresDefaults(SimulatedCluster cluster, string protocol, int generation) => Write(cluster, $$"""
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceDefaults
        metadata: {name: postgres, namespace: default, generation: {{generation}}}
        spec: {protocol: {{protocol}}}
        """);

    // A ServiceIntentions whose one source has an HTTP permission: what Consul's graph check is about.
    private static void L7Intention(SimulatedCluster cluster, string destination, string source, string pathPrefix, int generation) => Write(cluster, $$"""
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata: {name: {{destination}}, namespace: default, generation: {{generation}}}
        spec:
          destination: {name: {{destination}}}
          sources:
            - name: {{source}}
              permissions:
                - action: allow
                  http: {pathPrefix: {{pathPrefix}}}
        """);

    private static JsonNode Synced(SimulatedCluster cluster, string kind, string name) =>
        cluster.Store.Get(Group, kind, "default", name)!["status"]!["conditions"]![0]!;

    [Fact]
    public async Task HTTP_permissions_wait_for_an_http_protocol_and_then_hold_it()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var consul = cluster.Consul.State;

        L7Intention(cluster, "postgres", "products-api", "/", generation: 2);

        Assert.Equal("False", (string?)Synced(cluster, "ServiceIntentions", "postgres")["status"]);
        Assert.Contains("service \"postgres\" has protocol \"tcp\", which is incompatible with L7 intentions permissions", (string?)Synced(cluster, "ServiceIntentions", "postgres")["message"], StringComparison.Ordinal);
        // A refused update leaves what Consul held: the healthy set's L4 allow.
        Assert.Equal("allow", (string?)consul.ConfigEntry("service-intentions", "postgres")!["Sources"]![0]!["Action"]);

        PostgresDefaults(cluster, "http", generation: 2);

        Assert.Equal("True", (string?)Synced(cluster, "ServiceIntentions", "postgres")["status"]);
        Assert.NotNull(consul.ConfigEntry("service-intentions", "postgres")!["Sources"]![0]!["Permissions"]);

        PostgresDefaults(cluster, "tcp", generation: 3);

        Assert.Equal("False", (string?)Synced(cluster, "ServiceDefaults", "postgres")["status"]);
        Assert.Equal("http", (string?)consul.ConfigEntry("service-defaults", "postgres")!["Protocol"]);
    }

    [Fact]
    public async Task A_global_ProxyDefaults_cannot_take_http_from_a_service_whose_HTTP_permissions_rely_on_it()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SimulatedClusterOptions());
        var consul = cluster.Consul.State;
        Write(cluster, """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ProxyDefaults
            metadata: {name: global, namespace: default, generation: 1}
            spec: {config: {protocol: http}}
            """);
        L7Intention(cluster, "reports", "frontend", "/reports", generation: 1);
        Assert.Equal("True", (string?)Synced(cluster, "ServiceIntentions", "reports")["status"]);

        // No protocol at all is Consul's default, tcp.
        Write(cluster, """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ProxyDefaults
            metadata: {name: global, namespace: default, generation: 2}
            spec: {config: {}}
            """);

        Assert.Equal("False", (string?)Synced(cluster, "ProxyDefaults", "global")["status"]);
        Assert.Contains("service \"reports\" has protocol \"tcp\", which is incompatible with L7 intentions permissions", (string?)Synced(cluster, "ProxyDefaults", "global")["message"], StringComparison.Ordinal);
        Assert.Equal("http", (string?)consul.ConfigEntry("proxy-defaults", "global")!["Config"]!["protocol"]);

        // With its own http ServiceDefaults the service no longer relies on the global protocol: the retry succeeds.
        Write(cluster, """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceDefaults
            metadata: {name: reports, namespace: default, generation: 1}
            spec: {protocol: http}
            """);

        Assert.Equal("True", (string?)Synced(cluster, "ProxyDefaults", "global")["status"]);
        Assert.Null(consul.ConfigEntry("proxy-defaults", "global")!["Config"]!["protocol"]);
    }
}
