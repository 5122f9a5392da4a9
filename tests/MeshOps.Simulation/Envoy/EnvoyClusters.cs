using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Envoy;

/// <summary>One host of a cluster as <c>/clusters</c> shows it.</summary>
public sealed record EnvoyHost(string Address, int Port, bool Healthy, ulong ConnectFailures);

/// <summary>One cluster of a sidecar: its name, whether xDS added it, and its hosts.</summary>
public sealed record EnvoyCluster(string Name, bool AddedViaApi, IReadOnlyList<EnvoyHost> Hosts)
{
    public ulong ConnectFailures => (ulong)Hosts.Sum(h => (decimal)h.ConnectFailures);
}

/// <summary>
/// The clusters of a Consul sidecar and the two renderings of <c>/clusters</c>. The JSON reuses the consul-k8s
/// sample's objects (circuit breakers, stat lists, locality) with this pod's names, hosts and health; the text is
/// Envoy's <c>::</c>-joined format, in the order the real sidecar prints it.
/// </summary>
public static class EnvoyClusters
{
    /// <summary>Whether xDS has delivered the dynamic clusters: not while Envoy is still initializing.</summary>
    public static bool Loaded(EnvoyAdminData data) =>
        data.State is EnvoyServerState.Live or EnvoyServerState.Draining;

    public static IReadOnlyList<EnvoyCluster> For(EnvoyAdminData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var clusters = new List<EnvoyCluster>();
        if (Loaded(data))
        {
            for (var i = 0; i < data.Upstreams.Count; i++)
                clusters.Add(Upstream(data, data.Upstreams[i], i));
            clusters.Add(new EnvoyCluster("original-destination", true, []));
            clusters.Add(new EnvoyCluster("local_app", true, [new EnvoyHost("127.0.0.1", data.AppPort, true, data.LocalAppConnectFailures)]));
        }

        clusters.Add(new EnvoyCluster("local_agent", false, [new EnvoyHost("127.0.0.1", 8502, true, 0)]));
        return clusters;
    }

    /// <summary><c>/clusters?format=json</c>.</summary>
    public static JsonObject Json(EnvoyAdminData data)
    {
        var sample = EnvoySamples.Clusters;
        var statuses = sample["cluster_statuses"]!.AsArray();
        var upstreamTemplate = statuses[0]!.AsObject();
        var hostTemplate = upstreamTemplate["host_statuses"]![0]!.AsObject();
        var rendered = new JsonArray();
        foreach (var cluster in For(data))
        {
            var status = (JsonObject)(statuses.FirstOrDefault(s => (string?)s!["name"] == cluster.Name) ?? upstreamTemplate).DeepClone();
            status["name"] = cluster.Name;
            status["observability_name"] = cluster.Name;
            if (cluster.AddedViaApi)
                status["added_via_api"] = true;
            else
                status.Remove("added_via_api");
            status.Remove("host_statuses");
            if (cluster.Hosts.Count > 0)
                status["host_statuses"] = new JsonArray(cluster.Hosts.Select(h => (JsonNode)Host(hostTemplate, h)).ToArray());
            rendered.Add(Reordered(status));
        }

        return new JsonObject { ["cluster_statuses"] = rendered };
    }

    /// <summary><c>/clusters</c> as text.</summary>
    public static string Text(EnvoyAdminData data)
    {
        var text = new StringBuilder();
        foreach (var cluster in For(data))
        {
            var c = cluster.Name;
            text.Append(CultureInfo.InvariantCulture, $"{c}::observability_name::{c}\n");
            foreach (var priority in new[] { "default_priority", "high_priority" })
            {
                text.Append(CultureInfo.InvariantCulture, $"{c}::{priority}::max_connections::1024\n");
                text.Append(CultureInfo.InvariantCulture, $"{c}::{priority}::max_pending_requests::1024\n");
                text.Append(CultureInfo.InvariantCulture, $"{c}::{priority}::max_requests::1024\n");
                text.Append(CultureInfo.InvariantCulture, $"{c}::{priority}::max_retries::3\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"{c}::added_via_api::{(cluster.AddedViaApi ? "true" : "false")}\n");
            foreach (var host in cluster.Hosts)
            {
                var h = $"{c}::{host.Address}:{host.Port}";
                foreach (var (name, value) in HostStats(host))
                    text.Append(CultureInfo.InvariantCulture, $"{h}::{name}::{value}\n");
                text.Append(CultureInfo.InvariantCulture, $"{h}::hostname::\n");
                text.Append(CultureInfo.InvariantCulture, $"{h}::health_flags::{(host.Healthy ? "healthy" : "/failed_eds_health")}\n");
                text.Append(CultureInfo.InvariantCulture, $"{h}::weight::1\n{h}::region::\n{h}::zone::\n{h}::sub_zone::\n{h}::canary::false\n{h}::priority::0\n");
                text.Append(CultureInfo.InvariantCulture, $"{h}::success_rate::-1.0\n{h}::local_origin_success_rate::-1.0\n");
            }
        }

        return text.ToString();
    }

    private static EnvoyCluster Upstream(EnvoyAdminData data, EnvoyUpstream upstream, int index)
    {
        var hosts = new List<EnvoyHost>();
        for (var j = 0; j < upstream.Endpoints; j++)
        {
            var failures = j == 0 ? upstream.ConnectFailures : 0;
            hosts.Add(new EnvoyHost($"10.244.{index + 1}.{j + 10}", 20000, j < upstream.Healthy, failures));
        }

        return new EnvoyCluster(data.ClusterName(upstream.Service), true, hosts);
    }

    /// <summary>Envoy's per-host stats, sorted by name as both renderings print them.</summary>
    private static IEnumerable<(string Name, ulong Value)> HostStats(EnvoyHost host) =>
    [
        ("cx_active", 0),
        ("cx_connect_fail", host.ConnectFailures),
        ("cx_total", host.ConnectFailures + (host.Healthy ? 1UL : 0UL)),
        ("rq_active", 0),
        ("rq_error", 0),
        ("rq_success", 0),
        ("rq_timeout", 0),
        ("rq_total", 0),
    ];

    private static JsonObject Host(JsonObject template, EnvoyHost host)
    {
        var rendered = (JsonObject)template.DeepClone();
        rendered["address"] = new JsonObject
        {
            ["socket_address"] = new JsonObject { ["address"] = host.Address, ["port_value"] = host.Port },
        };
        var stats = new JsonArray();
        foreach (var (name, value) in HostStats(host))
        {
            // SimpleMetric in proto3 JSON: COUNTER (the default type) and a zero value are omitted, uint64 is a string.
            var stat = new JsonObject();
            if (name is "cx_active" or "rq_active")
                stat["type"] = "GAUGE";
            if (value != 0)
                stat["value"] = value.ToString(CultureInfo.InvariantCulture);
            stat["name"] = name;
            stats.Add(stat);
        }

        rendered["stats"] = new JsonArray(stats.OrderBy(s => s!["type"] is null ? 0 : 1).Select(s => s!.DeepClone()).ToArray());
        rendered["health_status"] = new JsonObject { ["eds_health_status"] = host.Healthy ? "HEALTHY" : "UNHEALTHY" };
        return rendered;
    }

    /// <summary>Keeps the sample's key order (name, added_via_api, host_statuses, circuit_breakers, observability_name).</summary>
    private static JsonObject Reordered(JsonObject status)
    {
        var order = new[] { "name", "added_via_api", "host_statuses", "circuit_breakers", "observability_name" };
        var copy = new JsonObject();
        foreach (var key in order.Where(status.ContainsKey))
            copy[key] = status[key]!.DeepClone();
        foreach (var (key, value) in status.Where(p => !order.Contains(p.Key)))
            copy[key] = value?.DeepClone();
        return copy;
    }
}
