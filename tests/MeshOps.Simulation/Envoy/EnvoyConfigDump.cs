using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Envoy;

/// <summary>
/// <c>/config_dump</c> and <c>/listeners</c> of a Consul sidecar, rewritten from consul-k8s's real config dump
/// (Envoy 1.22, transparent proxy): its upstream cluster, EDS entry and outbound filter chain are the templates for
/// each of this pod's upstreams, so the names, SNI, SPIFFE SANs and stat prefixes follow Consul's conventions.
/// </summary>
public static class EnvoyConfigDump
{
    private const string SampleTrustDomain = "bc3815c2-1a0f-f3ff-a2e9-20d791f08d00.consul";
    private const string SampleUpstream = "client";
    private const string SamplePodIp = "192.168.69.179";

    /// <summary>
    /// The Consul ACL token each simulated bootstrap carries, where consul-dataplane puts it: gRPC initial_metadata
    /// <c>x-consul-token</c> on the xDS stream. Nothing MeshOps prints may ever contain it.
    /// </summary>
    public const string AclToken = "7c1e5a3d-9f20-4b8e-a6d1-c0ffee5ec4e7";

    public static JsonObject Json(EnvoyAdminData data, bool includeEds)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dump = EnvoySamples.ConfigDump;
        var configs = dump["configs"]!.AsArray();
        var loaded = EnvoyClusters.Loaded(data);
        var clusters = EnvoyClusters.For(data);
        var rendered = new JsonArray();
        foreach (var config in configs.Select(c => (JsonObject)c!.DeepClone()))
        {
            switch (((string?)config["@type"])?.Split('.')[^1])
            {
                case "BootstrapConfigDump":
                    Bootstrap(config, data);
                    break;
                case "ClustersConfigDump":
                    DynamicClusters(config, data, loaded);
                    break;
                case "EndpointsConfigDump":
                    if (!includeEds)
                        continue;
                    Endpoints(config, data, clusters, loaded);
                    break;
                case "ListenersConfigDump":
                    Listeners(config, data, loaded);
                    break;
            }

            rendered.Add(config);
        }

        var text = new JsonObject { ["configs"] = rendered }.ToJsonString();
        return JsonNode.Parse(text.Replace(SampleTrustDomain, data.TrustDomain, StringComparison.Ordinal))!.AsObject();
    }

    /// <summary><c>/listeners</c>: one <c>name::address</c> line per bound listener.</summary>
    public static string ListenersText(EnvoyAdminData data)
    {
        var text = new StringBuilder();
        foreach (var (name, address, port) in BoundListeners(data))
            text.Append(CultureInfo.InvariantCulture, $"{name}::{address}:{port}\n");
        return text.ToString();
    }

    /// <summary><c>/listeners?format=json</c>.</summary>
    public static JsonObject ListenersJson(EnvoyAdminData data) => new()
    {
        ["listener_statuses"] = new JsonArray(BoundListeners(data).Select(l => (JsonNode)new JsonObject
        {
            ["name"] = l.Name,
            ["local_address"] = new JsonObject
            {
                ["socket_address"] = new JsonObject { ["address"] = l.Address, ["port_value"] = l.Port },
            },
        }).ToArray()),
    };

    private static IEnumerable<(string Name, string Address, int Port)> BoundListeners(EnvoyAdminData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!EnvoyClusters.Loaded(data))
            return [];
        return
        [
            ($"public_listener:{data.PodIp}:20000", data.PodIp, 20000),
            ("outbound_listener:127.0.0.1:15001", "127.0.0.1", 15001),
        ];
    }

    private static void Bootstrap(JsonObject config, EnvoyAdminData data)
    {
        var node = config["bootstrap"]!["node"]!.AsObject();
        node["id"] = data.NodeId;
        node["cluster"] = data.Service;
        node["metadata"]!["namespace"] = data.ConsulNamespace;
        config["bootstrap"]!["dynamic_resources"] = new JsonObject
        {
            ["ads_config"] = new JsonObject
            {
                ["api_type"] = "DELTA_GRPC",
                ["grpc_services"] = new JsonArray(new JsonObject
                {
                    ["envoy_grpc"] = new JsonObject { ["cluster_name"] = "consul-dataplane" },
                    ["initial_metadata"] = new JsonArray(new JsonObject { ["key"] = "x-consul-token", ["value"] = AclToken }),
                }),
            },
        };
    }

    /// <summary>
    /// <c>/config_dump?resource=&lt;field&gt;</c>: the items of that repeated field across the sections, each packed with its
    /// own type (<c>…ClustersConfigDump.DynamicCluster</c>), or Envoy's 404 text when no section has the field.
    /// </summary>
    public static (int Status, string ContentType, string Body) Resource(EnvoyAdminData data, string resource, bool includeEds)
    {
        var items = new JsonArray();
        foreach (var config in Json(data, includeEds)["configs"]!.AsArray().OfType<JsonObject>())
        {
            if (config[resource] is not JsonArray list)
                continue;
            var section = (string)config["@type"]!;
            foreach (var item in list.OfType<JsonObject>())
            {
                var copy = new JsonObject { ["@type"] = section + "." + ItemType(resource) };
                foreach (var (key, value) in item)
                    copy[key] = value?.DeepClone();
                items.Add(copy);
            }
        }

        return items.Count == 0 && !Json(data, includeEds)["configs"]!.AsArray().OfType<JsonObject>().Any(c => c.ContainsKey(resource))
            ? (404, "text/plain", $"{resource} not found in config dump")
            : (200, "application/json", new JsonObject { ["configs"] = items }.ToJsonString());
    }

    private static string ItemType(string resource) => resource switch
    {
        "static_clusters" => "StaticCluster",
        "dynamic_active_clusters" or "dynamic_warming_clusters" => "DynamicCluster",
        "static_listeners" => "StaticListener",
        "dynamic_listeners" => "DynamicListener",
        "static_route_configs" => "StaticRouteConfig",
        "dynamic_route_configs" => "DynamicRouteConfig",
        "static_endpoint_configs" => "StaticEndpointConfig",
        "dynamic_endpoint_configs" => "DynamicEndpointConfig",
        "static_secrets" => "StaticSecret",
        _ => "DynamicSecret",
    };

    private static void DynamicClusters(JsonObject config, EnvoyAdminData data, bool loaded)
    {
        var sample = config["dynamic_active_clusters"]!.AsArray();
        config.Remove("dynamic_active_clusters");
        if (!loaded)
            return;
        var template = sample.Single(c => (string?)c!["cluster"]!["name"] == SampleClusterName)!;
        var dynamic = new JsonArray();
        foreach (var upstream in data.Upstreams)
            dynamic.Add(ForUpstream(template, data, upstream.Service));
        foreach (var kept in sample.Where(c => (string?)c!["cluster"]!["name"] is "local_app" or "original-destination"))
        {
            var copy = kept!.DeepClone();
            if ((string?)copy["cluster"]!["name"] == "local_app")
                SetAppPort(copy, data.AppPort);
            dynamic.Add(copy);
        }

        config["dynamic_active_clusters"] = dynamic;
    }

    private static void Endpoints(JsonObject config, EnvoyAdminData data, IReadOnlyList<EnvoyCluster> clusters, bool loaded)
    {
        var sample = config["dynamic_endpoint_configs"]!.AsArray();
        config.Remove("dynamic_endpoint_configs");
        if (!loaded)
            return;
        var template = sample[0]!;
        var lbTemplate = template["endpoint_config"]!["endpoints"]![0]!["lb_endpoints"]![0]!;
        var dynamic = new JsonArray();
        foreach (var cluster in clusters.Where(c => c.AddedViaApi && c.Name != "original-destination" && c.Name != "local_app"))
        {
            var entry = template.DeepClone();
            var lbEndpoints = new JsonArray();
            foreach (var host in cluster.Hosts)
            {
                var lb = lbTemplate.DeepClone();
                lb["endpoint"]!["address"]!["socket_address"]!["address"] = host.Address;
                lb["endpoint"]!["address"]!["socket_address"]!["port_value"] = host.Port;
                lb["health_status"] = host.Healthy ? "HEALTHY" : "UNHEALTHY";
                lbEndpoints.Add(lb);
            }

            entry["endpoint_config"]!["endpoints"]![0]!["lb_endpoints"] = lbEndpoints;
            dynamic.Add(entry);
        }

        foreach (var kept in sample.Where(e => (string?)e!["endpoint_config"]!["cluster_name"] is "local_app" or "original-destination"))
            dynamic.Add(kept!.DeepClone());
        config["dynamic_endpoint_configs"] = dynamic;
    }

    private static void Listeners(JsonObject config, EnvoyAdminData data, bool loaded)
    {
        var sample = config["dynamic_listeners"]!.AsArray();
        config.Remove("dynamic_listeners");
        if (!loaded)
            return;
        var listeners = new JsonArray();
        foreach (var listener in sample)
        {
            var name = (string)listener!["name"]!;
            if (name.StartsWith("public_listener:", StringComparison.Ordinal))
            {
                var inbound = JsonNode.Parse(listener.ToJsonString().Replace(SamplePodIp, data.PodIp, StringComparison.Ordinal))!;
                if (data.Rbac is { } rbac)
                {
                    foreach (var rules in Descendants(inbound).OfType<JsonObject>().Where(o => (string?)o["@type"] == RbacType).Select(o => o["rules"]).OfType<JsonObject>().ToList())
                    {
                        Replace(rules, rbac);
                    }
                }

                listeners.Add(inbound);
                continue;
            }

            var copy = listener.DeepClone();
            var chains = copy["active_state"]!["listener"]!["filter_chains"]!.AsArray();
            var template = chains[0]!.DeepClone();
            var fallback = chains[^1]!.DeepClone();
            chains.Clear();
            for (var i = 0; i < data.Upstreams.Count; i++)
            {
                var chain = ForUpstream(template, data, data.Upstreams[i].Service);
                var ranges = chain["filter_chain_match"]!["prefix_ranges"]!.AsArray();
                ranges[0]!["address_prefix"] = $"10.96.0.{i + 10}";
                ranges[1]!["address_prefix"] = $"240.0.0.{i + 3}";
                chains.Add(chain);
            }

            chains.Add(fallback);
            listeners.Add(copy);
        }

        config["dynamic_listeners"] = listeners;
    }

    private const string RbacType = "type.googleapis.com/envoy.extensions.filters.http.rbac.v3.RBAC";

    /// <summary>The sample's RBAC rules made those of this sidecar's intentions, in the shape Consul writes them.</summary>
    private static void Replace(JsonObject rules, EnvoyRbac rbac)
    {
        rules["action"] = rbac.DefaultAllow ? "DENY" : "ALLOW";
        var policies = new JsonObject();
        if (rbac.Sources.Count > 0)
        {
            var principals = new JsonArray();
            foreach (var source in rbac.Sources)
            {
                principals.Add(new JsonObject
                {
                    ["authenticated"] = new JsonObject
                    {
                        ["principal_name"] = new JsonObject
                        {
                            ["safe_regex"] = new JsonObject { ["google_re2"] = new JsonObject(), ["regex"] = $"^spiffe://[^/]+/ns/default/dc/[^/]+/svc/{source}$" },
                        },
                    },
                });
            }

            policies["consul-intentions-layer4"] = new JsonObject { ["permissions"] = new JsonArray(new JsonObject { ["any"] = true }), ["principals"] = principals };
        }

        rules["policies"] = policies;
    }

    private static string SampleClusterName => $"{SampleUpstream}.default.dc1.internal.{SampleTrustDomain}";

    /// <summary>The sample's <c>client</c> upstream object with another service's cluster name, SAN and stat prefix.</summary>
    private static JsonNode ForUpstream(JsonNode template, EnvoyAdminData data, string service)
    {
        var text = template.ToJsonString()
            .Replace(SampleClusterName, data.ClusterName(service), StringComparison.Ordinal)
            .Replace($"/ns/default/dc/dc1/svc/{SampleUpstream}", $"/ns/{data.ConsulNamespace}/dc/{data.Datacenter}/svc/{service}", StringComparison.Ordinal)
            .Replace($"upstream.{SampleUpstream}.default.default.dc1", $"upstream.{service}.{data.ConsulNamespace}.default.{data.Datacenter}", StringComparison.Ordinal);
        return JsonNode.Parse(text)!;
    }

    private static void SetAppPort(JsonNode cluster, int port)
    {
        foreach (var address in Descendants(cluster).OfType<JsonObject>().Where(o => o.ContainsKey("socket_address")))
            address["socket_address"]!["port_value"] = port;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().ToList())
        {
            foreach (var d in Descendants(child))
                yield return d;
        }
    }
}
