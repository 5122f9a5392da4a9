using System.Globalization;
using System.Text.RegularExpressions;

namespace MeshOps.Simulation.Envoy;

/// <summary>The four kinds of stat <c>/stats</c> prints.</summary>
public enum EnvoyStatKind
{
    Counter,
    Gauge,
    TextReadout,
    Histogram,
}

/// <summary>
/// One stat: its full dotted name, kind and value (a text readout's value is <see cref="Text"/>, a histogram's the
/// <see cref="Samples"/> it recorded, in ms); a cluster's stat names its <see cref="Cluster"/>, which Prometheus output
/// turns into a label.
/// </summary>
public sealed record EnvoyStat(string Name, EnvoyStatKind Kind, ulong Value, string? Text = null, string? Cluster = null, IReadOnlyList<double>? Samples = null)
{
    /// <summary>Whether Envoy would count it as used (<c>usedonly</c>): written to, or a histogram with a recorded value.</summary>
    public bool Used => Kind == EnvoyStatKind.Histogram ? Samples is { Count: > 0 } : Value != 0 || !string.IsNullOrEmpty(Text);
}

/// <summary>
/// The stats of one sidecar: the server-wide names and the per-cluster names of a real consul-dataplane sidecar
/// (every counter and gauge the sample's <c>local_app</c> cluster has), with the values that tell this pod's story:
/// state, membership and connect failures per upstream.
/// </summary>
public static partial class EnvoyStats
{
    // Prometheus joins Envoy's dotted stat segments with '_'; these are the segments of a cluster stat that are dotted.
    private static readonly (string Prometheus, string Dotted)[] DottedPrefixes =
    [
        ("circuit_breakers_default_", "circuit_breakers.default."),
        ("circuit_breakers_high_", "circuit_breakers.high."),
        ("default_total_match_count", "default.total_match_count"),
        ("external_upstream_rq", "external.upstream_rq"),
        ("internal_upstream_rq", "internal.upstream_rq"),
        ("http1_", "http1."),
        ("http2_", "http2."),
        ("outlier_detection_", "outlier_detection."),
        ("ssl_", "ssl."),
    ];

    private static readonly Lazy<IReadOnlyDictionary<string, EnvoyStatKind>> Families = new(ReadFamilies);
    private static readonly Lazy<IReadOnlyList<(string Suffix, EnvoyStatKind Kind)>> ClusterStatNames = new(ReadClusterStatNames);

    public static IReadOnlyList<EnvoyStat> For(EnvoyAdminData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stats = new Dictionary<string, EnvoyStat>(StringComparer.Ordinal);
        foreach (var stat in ServerStats(data))
            stats[stat.Name] = stat;
        foreach (var cluster in EnvoyClusters.For(data))
        {
            foreach (var (suffix, kind) in ClusterStatNames.Value)
            {
                var name = $"cluster.{cluster.Name}.{suffix}";
                stats[name] = new EnvoyStat(name, kind, ClusterValue(cluster, suffix), Cluster: cluster.Name);
            }
        }

        // Envoy prints histograms after the other stats, each group in name order.
        return
        [
            .. stats.Values.OrderBy(s => s.Name, StringComparer.Ordinal),
            .. Histograms(data).OrderBy(s => s.Name, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Per cluster the connect-time and connection-length histograms Envoy keeps (upstream_cx_connect_ms,
    /// upstream_cx_length_ms), one sample per connection opened, none for a cluster never connected to; and the
    /// server's CDS update duration once the clusters arrived.
    /// </summary>
    private static IEnumerable<EnvoyStat> Histograms(EnvoyAdminData data)
    {
        foreach (var cluster in EnvoyClusters.For(data))
        {
            var connections = (int)Math.Min(50, ClusterValue(cluster, "upstream_cx_total"));
            var connect = Enumerable.Range(1, connections).Select(i => Math.Round(0.4 + (i % 7) * 0.35, 2)).ToList();
            var length = Enumerable.Range(1, connections).Select(i => 1000.0 * (i % 5 + 1)).ToList();
            yield return new EnvoyStat($"cluster.{cluster.Name}.upstream_cx_connect_ms", EnvoyStatKind.Histogram, 0, Cluster: cluster.Name, Samples: connect);
            yield return new EnvoyStat($"cluster.{cluster.Name}.upstream_cx_length_ms", EnvoyStatKind.Histogram, 0, Cluster: cluster.Name, Samples: length);
        }

        yield return new EnvoyStat("cluster_manager.cds.update_duration", EnvoyStatKind.Histogram, 0,
            Samples: EnvoyClusters.Loaded(data) ? [12, 15] : []);
    }

    /// <summary>The Prometheus family and labels Envoy's tag extraction gives a stat (the cluster name becomes a label).</summary>
    public static (string Family, string Labels) PrometheusName(EnvoyStat stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        if (stat.Cluster is not null)
        {
            var suffix = stat.Name[("cluster." + stat.Cluster + ".").Length..];
            return ("envoy_cluster_" + suffix.Replace('.', '_'), $"envoy_cluster_name=\"{stat.Cluster}\"");
        }

        return ("envoy_" + stat.Name.Replace('.', '_'), string.Empty);
    }

    private static IEnumerable<EnvoyStat> ServerStats(EnvoyAdminData data)
    {
        foreach (var line in EnvoySamples.ServerStats.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 || !ulong.TryParse(line[(colon + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                continue;
            var name = line[..colon];
            var kind = Families.Value.GetValueOrDefault("envoy_" + name.Replace('.', '_'), EnvoyStatKind.Counter);
            yield return new EnvoyStat(name, kind, value);
        }

        var live = data.State == EnvoyServerState.Live;
        var uptime = (ulong)Math.Max(0, (DateTimeOffset.UtcNow - data.StartedAt).TotalSeconds);
        yield return new EnvoyStat("server.state", EnvoyStatKind.Gauge, (ulong)data.State);
        yield return new EnvoyStat("server.live", EnvoyStatKind.Gauge, live ? 1UL : 0UL);
        yield return new EnvoyStat("server.uptime", EnvoyStatKind.Gauge, uptime);
        yield return new EnvoyStat("server.days_until_first_cert_expiring", EnvoyStatKind.Gauge, (ulong)Math.Max(0, data.LeafCertificateRemaining.TotalDays));
        yield return new EnvoyStat("control_plane.connected_state", EnvoyStatKind.Gauge, live || data.State == EnvoyServerState.Draining ? 1UL : 0UL);
        yield return new EnvoyStat("cluster_manager.active_clusters", EnvoyStatKind.Gauge, (ulong)EnvoyClusters.For(data).Count);
        yield return new EnvoyStat("cluster_manager.cds.update_rejected", EnvoyStatKind.Counter, 0);
        yield return new EnvoyStat("listener_manager.lds.update_rejected", EnvoyStatKind.Counter, 0);
        yield return new EnvoyStat("cluster_manager.cds.version_text", EnvoyStatKind.TextReadout, 0, EnvoyClusters.Loaded(data) ? "2eee24224b508d5e" : string.Empty);
    }

    private static ulong ClusterValue(EnvoyCluster cluster, string suffix) => suffix switch
    {
        "membership_total" => (ulong)cluster.Hosts.Count,
        "membership_healthy" => (ulong)cluster.Hosts.Count(h => h.Healthy),
        "upstream_cx_connect_fail" => cluster.ConnectFailures,
        "upstream_cx_total" => cluster.ConnectFailures + (ulong)cluster.Hosts.Count(h => h.Healthy),
        "update_success" or "update_attempt" => cluster.AddedViaApi ? 1UL : 0UL,
        _ => 0,
    };

    private static IReadOnlyDictionary<string, EnvoyStatKind> ReadFamilies()
    {
        var families = new Dictionary<string, EnvoyStatKind>(StringComparer.Ordinal);
        foreach (Match type in TypeLine().Matches(EnvoySamples.Prometheus))
        {
            var kind = type.Groups["type"].Value switch
            {
                "counter" => EnvoyStatKind.Counter,
                "gauge" => EnvoyStatKind.Gauge,
                _ => (EnvoyStatKind?)null,
            };
            if (kind is not null)
                families[type.Groups["family"].Value] = kind.Value;
        }

        return families;
    }

    /// <summary>The counters and gauges of the sample's <c>local_app</c> cluster whose only tag is the cluster (no response-code tags).</summary>
    private static IReadOnlyList<(string Suffix, EnvoyStatKind Kind)> ReadClusterStatNames()
    {
        var names = new SortedDictionary<string, EnvoyStatKind>(StringComparer.Ordinal);
        foreach (Match line in LocalAppLine().Matches(EnvoySamples.Prometheus))
        {
            var family = "envoy_cluster_" + line.Groups["suffix"].Value;
            if (!Families.Value.TryGetValue(family, out var kind))
                continue;
            var labels = line.Groups["labels"].Value.Split(',').Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]);
            if (labels.Any(l => l != "envoy_cluster_name" && l != "local_cluster" && !l.StartsWith("consul_", StringComparison.Ordinal)))
                continue;
            names[Dotted(line.Groups["suffix"].Value)] = kind;
        }

        if (names.Count == 0)
            throw new InvalidOperationException("The consul-dataplane Prometheus sample has no local_app cluster stats; the simulated Envoy cannot name its cluster stats.");
        return names.Select(p => (p.Key, p.Value)).ToList();
    }

    private static string Dotted(string suffix)
    {
        foreach (var (prometheus, dotted) in DottedPrefixes)
        {
            if (suffix.StartsWith(prometheus, StringComparison.Ordinal))
                return dotted + suffix[prometheus.Length..];
        }

        return suffix;
    }

    [GeneratedRegex(@"^# TYPE (?<family>\S+) (?<type>\S+)$", RegexOptions.Multiline)]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"^envoy_cluster_(?<suffix>[a-z0-9_]+)\{(?<labels>[^}]*envoy_cluster_name=""local_app""[^}]*)\} \S+$", RegexOptions.Multiline)]
    private static partial Regex LocalAppLine();
}
