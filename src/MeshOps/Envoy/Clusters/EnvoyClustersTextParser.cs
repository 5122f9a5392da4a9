using System.Globalization;

namespace MeshOps.Envoy.Clusters;

/// <summary>
/// Reads <c>/clusters</c> text (envoyproxy/envoy source/server/admin/clusters_handler.cc): one fact per line,
/// <c>cluster::key::value</c>, <c>cluster::default_priority::max_connections::1024</c> or <c>cluster::host::stat::value</c>.
/// The host may be an IPv6 address holding <c>::</c> itself (<c>[fd00::1]:20000</c>, always bracketed by Envoy) and a
/// value may hold <c>::</c> (a hostname), so fields are taken from the left by what they can be, never split blindly.
/// </summary>
public static class EnvoyClustersTextParser
{
    private const string Output = "/clusters text";
    private const string Separator = "::";

    public static IReadOnlyList<EnvoyCluster> Parse(EnvoySource source, string text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var clusters = new Dictionary<string, ClusterBuilder>(StringComparer.Ordinal);
        var order = new List<ClusterBuilder>();
        var lineNumber = 0;
        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.IsWhiteSpace())
                continue;
            var fault = ReadLine(source, line.ToString(), clusters, order);
            if (fault is not null)
                throw new EnvoyFormatException(source, Output, lineNumber, fault);
        }

        if (order.Count == 0)
            throw new EnvoyFormatException(source, Output, 0, "the output holds no cluster (Envoy always lists at least its xDS cluster)");
        return order.Select(c => c.Build()).ToArray();
    }

    /// <summary>Applies one line; returns what is wrong with it, or null.</summary>
    private static string? ReadLine(EnvoySource source, string line, Dictionary<string, ClusterBuilder> clusters, List<ClusterBuilder> order)
    {
        var first = line.IndexOf(Separator, StringComparison.Ordinal);
        if (first <= 0)
            return $"'{Shorten(line)}' is not 'cluster::key::value'";
        var name = line[..first];
        var rest = line[(first + Separator.Length)..];
        if (!clusters.TryGetValue(name, out var cluster))
        {
            cluster = new ClusterBuilder(source, name);
            clusters.Add(name, cluster);
            order.Add(cluster);
        }

        var head = TakeField(rest, out var tail);
        if (head is null)
            return $"'{Shorten(line)}' has no value";
        switch (head)
        {
            case "observability_name":
                cluster.ObservabilityName = Text(tail!);
                return null;
            case "eds_service_name":
                cluster.EdsServiceName = Text(tail!);
                return null;
            case "added_via_api":
                return ReadBool(tail!, v => cluster.AddedViaApi = v);
            case "version_info":
                return null;
        }

        var key = TakeField(tail!, out var value);
        if (key is null)
            return $"'{Shorten(line)}' is not 'cluster::{head}::key::value'";
        return head switch
        {
            "default_priority" => ReadLimit(cluster.DefaultPriority ??= Defaults(), key, value!),
            "high_priority" => ReadLimit(cluster.HighPriority ??= Defaults(), key, value!),
            "outlier" => ReadOutlier(cluster, key, value!),
            _ => ReadHost(cluster, head, key, value!),
        };
    }

    /// <summary>
    /// The next field of <paramref name="text"/> and what follows its <c>::</c>; null when there is no <c>::</c>.
    /// A bracketed IPv6 host (<c>[::1]:8080</c>) is one field whatever it holds.
    /// </summary>
    private static string? TakeField(string text, out string? tail)
    {
        var searchFrom = 0;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            searchFrom = close < 0 ? 0 : close;
        }

        var end = text.IndexOf(Separator, searchFrom, StringComparison.Ordinal);
        if (end < 0)
        {
            tail = null;
            return null;
        }

        tail = text[(end + Separator.Length)..];
        return text[..end];
    }

    private static ulong[] Defaults() => [1024, 1024, 1024, 3];

    private static string? ReadLimit(ulong[] limits, string key, string value)
    {
        var index = ClusterBuilder.LimitIndex(key);
        if (index < 0)
            return null;
        if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limits[index]))
            return $"{key} '{Shorten(value)}' is not a whole number";
        return null;
    }

    private static string? ReadOutlier(ClusterBuilder cluster, string key, string value)
    {
        switch (key)
        {
            case "success_rate_ejection_threshold":
                return ReadDouble(value, key, v => cluster.SuccessRateEjectionThreshold = ClusterBuilder.Rate(v));
            case "local_origin_success_rate_ejection_threshold":
                return ReadDouble(value, key, v => cluster.LocalOriginSuccessRateEjectionThreshold = ClusterBuilder.Rate(v));
            default:
                // The averages are printed in text only; the JSON has no field for them, so neither form keeps them.
                return ReadDouble(value, key, _ => { });
        }
    }

    private static string? ReadHost(ClusterBuilder cluster, string address, string key, string value)
    {
        string? fault = null;
        cluster.Host(address, host => Apply(host, key, value, ref fault), () => NewHost(cluster, address));
        return fault;
    }

    private static EnvoyClusterHost NewHost(ClusterBuilder cluster, string address)
    {
        var (ip, port, pipe) = SplitAddress(address);
        return new EnvoyClusterHost
        {
            Source = cluster.Source,
            Cluster = cluster.Name,
            Address = address,
            IPAddress = ip,
            Port = port,
            PipePath = pipe,
        };
    }

    private static EnvoyClusterHost Apply(EnvoyClusterHost host, string key, string value, ref string? fault)
    {
        switch (key)
        {
            case "hostname":
                return host with { Hostname = Text(value) };
            case "health_flags":
                var flags = HealthFlagText.Parse(value);
                if (flags is null)
                    fault = $"health_flags '{Shorten(value)}' is not 'healthy' or Envoy's /flag list";
                return host with { HealthFlags = flags ?? default };
            case "region":
                return host with { Region = Text(value) };
            case "zone":
                return host with { Zone = Text(value) };
            case "sub_zone":
                return host with { SubZone = Text(value) };
            case "canary":
                return host;
            case "success_rate":
            case "local_origin_success_rate":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
                {
                    fault = $"{key} '{Shorten(value)}' is not a number";
                    return host;
                }

                return key == "success_rate"
                    ? host with { SuccessRate = ClusterBuilder.Rate(rate) }
                    : host with { LocalOriginSuccessRate = ClusterBuilder.Rate(rate) };
        }

        if (!ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            fault = $"{key} '{Shorten(value)}' is not a whole number";
            return host;
        }

        return key switch
        {
            "weight" => host with { Weight = (uint)Math.Min(number, uint.MaxValue) },
            "priority" => host with { Priority = (uint)Math.Min(number, uint.MaxValue) },
            _ => HostStats.With(host, key, number),
        };
    }

    /// <summary>Splits Envoy's printing of an address: <c>ip:port</c>, <c>[ipv6]:port</c>, or anything else (a pipe path).</summary>
    internal static (string? Ip, int? Port, string? Pipe) SplitAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon > 0 && int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            var ip = address[..colon];
            if (ip.StartsWith('[') && ip.EndsWith(']'))
                ip = ip[1..^1];
            if (System.Net.IPAddress.TryParse(ip, out _))
                return (ip, port, null);
        }

        return (null, null, address);
    }

    private static string? ReadBool(string value, Action<bool> set)
    {
        switch (value)
        {
            case "true":
                set(true);
                return null;
            case "false":
                set(false);
                return null;
            default:
                return $"'{Shorten(value)}' is not true or false";
        }
    }

    private static string? ReadDouble(string value, string key, Action<double> set)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return $"{key} '{Shorten(value)}' is not a number";
        set(number);
        return null;
    }

    private static string? Text(string value) => value.Length == 0 ? null : value;

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
