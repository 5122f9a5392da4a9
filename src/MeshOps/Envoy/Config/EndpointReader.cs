using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>A <c>ClusterLoadAssignment</c> (EDS entry, or a static cluster's <c>load_assignment</c>) into endpoints.</summary>
internal static class EndpointReader
{
    public static IEnumerable<EnvoyEndpoint> Read(JsonNode assignment, EnvoyConfigState state, ConfigContext context, string? cluster = null)
    {
        cluster ??= String(assignment, "cluster_name");
        foreach (var locality in Array(assignment, "endpoints"))
        {
            var priority = UInt(locality, "priority") ?? 0;
            var zone = String(Get(locality, "locality"), "zone");
            foreach (var lb in Array(locality, "lb_endpoints"))
            {
                var endpoint = Get(lb, "endpoint");
                var (address, ip, port) = AddressReader.Read(Get(endpoint, "address"));
                if (address is null)
                    continue;
                yield return new EnvoyEndpoint
                {
                    Source = context.Source,
                    Cluster = cluster,
                    State = state,
                    Address = address,
                    IPAddress = ip,
                    Port = port,
                    Hostname = String(endpoint, "hostname"),
                    // proto3 omits HealthStatus UNKNOWN (0).
                    HealthStatus = String(lb, "health_status") ?? "UNKNOWN",
                    Weight = UInt(lb, "load_balancing_weight"),
                    Priority = priority,
                    Zone = zone,
                };
            }
        }
    }
}
