using System.Globalization;
using System.Text.Json;

namespace MeshOps.Envoy.Clusters;

/// <summary>
/// Reads <c>/clusters?format=json</c> (envoyproxy/envoy api/envoy/admin/v3/clusters.proto, printed as proto3 JSON):
/// fields at their default are omitted, so a stat without <c>value</c> is 0, one without <c>type</c> a counter,
/// <c>added_via_api</c> absent is false and <c>eds_health_status</c> absent is HEALTHY; uint64 values are strings.
/// </summary>
public static class EnvoyClustersJsonParser
{
    private const string Output = "/clusters?format=json";

    public static IReadOnlyList<EnvoyCluster> Parse(EnvoySource source, ReadOnlyMemory<byte> json)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(source, document.RootElement);
        }
        catch (JsonException e)
        {
            throw new EnvoyFormatException(source, Output, (int)(e.LineNumber ?? -1) + 1, JsonProblem.Describe(e), e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or KeyNotFoundException)
        {
            // A field of another JSON kind than the proto gives it (a string where an object belongs).
            throw new EnvoyFormatException(source, Output, 0, $"the JSON does not have the shape of Envoy's ClusterStatuses: {e.Message}", e);
        }
    }

    private static EnvoyCluster[] Read(EnvoySource source, JsonElement root)
    {
        var clusters = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("cluster_statuses", out var statuses)
            ? statuses.EnumerateArray().Select(s => Cluster(source, s)).ToArray()
            : [];
        if (clusters.Length == 0)
        {
            throw new EnvoyFormatException(source, Output, 0,
                "the JSON lists no cluster ('cluster_statuses' is missing or empty, yet Envoy always lists at least its xDS cluster)");
        }

        return clusters;
    }

    private static EnvoyCluster Cluster(EnvoySource source, JsonElement status)
    {
        var builder = new ClusterBuilder(source, status.GetProperty("name").GetString()!)
        {
            ObservabilityName = String(status, "observability_name"),
            EdsServiceName = String(status, "eds_service_name"),
            AddedViaApi = status.TryGetProperty("added_via_api", out var added) && added.GetBoolean(),
            SuccessRateEjectionThreshold = Percent(status, "success_rate_ejection_threshold"),
            LocalOriginSuccessRateEjectionThreshold = Percent(status, "local_origin_success_rate_ejection_threshold"),
        };
        if (status.TryGetProperty("circuit_breakers", out var breakers) && breakers.TryGetProperty("thresholds", out var thresholds))
        {
            foreach (var threshold in thresholds.EnumerateArray())
            {
                var limits = new ulong[4];
                foreach (var key in new[] { "max_connections", "max_pending_requests", "max_requests", "max_retries" })
                    limits[ClusterBuilder.LimitIndex(key)] = Number(threshold, key);
                if (String(threshold, "priority") == "HIGH")
                    builder.HighPriority = limits;
                else
                    builder.DefaultPriority = limits;
            }
        }

        if (status.TryGetProperty("host_statuses", out var hosts))
        {
            foreach (var host in hosts.EnumerateArray())
            {
                var parsed = Host(source, builder.Name, host);
                builder.Host(parsed.Address, _ => parsed, () => parsed);
            }
        }

        return builder.Build();
    }

    private static EnvoyClusterHost Host(EnvoySource source, string cluster, JsonElement status)
    {
        var (address, ip, port, pipe) = Address(status.GetProperty("address"));
        var host = new EnvoyClusterHost
        {
            Source = source,
            Cluster = cluster,
            Address = address,
            IPAddress = ip,
            Port = port,
            PipePath = pipe,
            Hostname = String(status, "hostname"),
            HealthFlags = status.TryGetProperty("health_status", out var health) ? Health(health) : EnvoyHostHealthFlags.None,
            SuccessRate = Percent(status, "success_rate"),
            LocalOriginSuccessRate = Percent(status, "local_origin_success_rate"),
            Weight = (uint)Number(status, "weight"),
            Priority = (uint)Number(status, "priority"),
        };
        if (status.TryGetProperty("locality", out var locality))
        {
            host = host with
            {
                Region = String(locality, "region"),
                Zone = String(locality, "zone"),
                SubZone = String(locality, "sub_zone"),
            };
        }

        if (status.TryGetProperty("stats", out var stats))
        {
            foreach (var stat in stats.EnumerateArray())
                host = HostStats.With(host, stat.GetProperty("name").GetString()!, Number(stat, "value"));
        }

        return host;
    }

    /// <summary>The address printed as the text form prints it, so both forms key a host alike.</summary>
    private static (string Address, string? Ip, int? Port, string? Pipe) Address(JsonElement address)
    {
        if (address.TryGetProperty("socket_address", out var socket))
        {
            var ip = String(socket, "address") ?? "";
            var port = (int)Number(socket, "port_value");
            var printed = ip.Contains(':', StringComparison.Ordinal) ? $"[{ip}]:{port}" : $"{ip}:{port}";
            return (printed, ip, port, null);
        }

        if (address.TryGetProperty("pipe", out var pipe))
        {
            var path = String(pipe, "path") ?? "";
            return (path, null, null, path);
        }

        var other = address.GetRawText();
        return (other, null, null, null);
    }

    private static EnvoyHostHealthFlags Health(JsonElement health)
    {
        var flags = String(health, "eds_health_status") switch
        {
            null or "HEALTHY" or "UNKNOWN" => EnvoyHostHealthFlags.None,
            "DEGRADED" => EnvoyHostHealthFlags.DegradedEdsHealth,
            "DRAINING" => EnvoyHostHealthFlags.EdsStatusDraining,
            _ => EnvoyHostHealthFlags.FailedEdsHealth,
        };
        foreach (var (field, flag) in JsonFlags)
        {
            if (health.TryGetProperty(field, out var set) && set.GetBoolean())
                flags |= flag;
        }

        return flags;
    }

    private static readonly (string Field, EnvoyHostHealthFlags Flag)[] JsonFlags =
    [
        ("failed_active_health_check", EnvoyHostHealthFlags.FailedActiveHealthCheck),
        ("failed_outlier_check", EnvoyHostHealthFlags.FailedOutlierCheck),
        ("failed_active_degraded_check", EnvoyHostHealthFlags.DegradedActiveHealthCheck),
        ("pending_dynamic_removal", EnvoyHostHealthFlags.PendingDynamicRemoval),
        ("pending_active_hc", EnvoyHostHealthFlags.PendingActiveHealthCheck),
        ("excluded_via_immediate_hc_fail", EnvoyHostHealthFlags.ExcludedViaImmediateHealthCheckFail),
        ("active_hc_timeout", EnvoyHostHealthFlags.ActiveHealthCheckTimeout),
    ];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? value.GetString()
            : null;

    /// <summary>A proto3 integer: a JSON number or (64-bit) a string; absent is 0.</summary>
    private static ulong Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
            return 0;
        return value.ValueKind == JsonValueKind.String
            ? ulong.Parse(value.GetString()!, NumberStyles.None, CultureInfo.InvariantCulture)
            : value.GetUInt64();
    }

    /// <summary>A <c>Percent</c> message (<c>{"value": 99.5}</c>); absent, empty or negative is "no data".</summary>
    private static double? Percent(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var percent))
            return null;
        return ClusterBuilder.Rate(percent.TryGetProperty("value", out var value) ? value.GetDouble() : 0);
    }
}
