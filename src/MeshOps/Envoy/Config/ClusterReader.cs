using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>An Envoy <c>Cluster</c> into <see cref="EnvoyClusterConfig"/>.</summary>
internal static class ClusterReader
{
    // Envoy's default when connect_timeout is not set (api/envoy/config/cluster/v3/cluster.proto).
    private static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    public static EnvoyClusterConfig Read(JsonNode cluster, EnvoyConfigState state, JsonNode? entry, ConfigContext context)
    {
        var name = String(cluster, "name") ?? throw new InvalidOperationException("a cluster has no name");
        var tls = UpstreamTls(cluster);
        var common = Get(tls, "common_tls_context");
        var validation = Get(common, "validation_context") ?? Path(common, "combined_validation_context", "default_validation_context");
        return new EnvoyClusterConfig
        {
            Source = context.Source,
            Name = name,
            // DiscoveryType STATIC is 0, so proto3 JSON leaves it out; a custom cluster (aggregate) names its extension.
            Type = String(cluster, "type") ?? String(Get(cluster, "cluster_type"), "name") ?? "STATIC",
            State = state,
            ConnectTimeout = Duration(cluster, "connect_timeout") ?? DefaultConnectTimeout,
            LbPolicy = String(cluster, "lb_policy") ?? "ROUND_ROBIN",
            Tls = tls is not null,
            Sni = String(tls, "sni"),
            ExpectedSans = Sans(validation),
            EdsServiceName = String(Get(cluster, "eds_cluster_config"), "service_name"),
            Http2 = Get(cluster, "http2_protocol_options") is not null
                || Path(cluster, "typed_extension_protocol_options") is JsonObject options && options.ToJsonString().Contains("http2_protocol_options", StringComparison.Ordinal),
            Endpoints = Get(cluster, "load_assignment") is { } assignment ? EndpointReader.Read(assignment, state, context, name).ToList() : [],
            VersionInfo = String(entry, "version_info"),
            LastUpdated = Timestamp(entry, "last_updated"),
            ErrorDetails = String(Get(entry, "error_state"), "details"),
        };
    }

    private static JsonNode? UpstreamTls(JsonNode cluster)
    {
        var socket = Get(cluster, "transport_socket");
        var config = Get(socket, "typed_config");
        return TypeEndsWith(config, "UpstreamTlsContext") || String(socket, "name") is "tls" or "envoy.transport_sockets.tls" ? config : null;
    }

    // match_subject_alt_names (StringMatcher) in Envoy ≤ 1.2x; match_typed_subject_alt_names {san_type, matcher} later.
    private static IReadOnlyList<string> Sans(JsonNode? validation)
    {
        var sans = new List<string>();
        foreach (var matcher in Array(validation, "match_subject_alt_names").Concat(Array(validation, "match_typed_subject_alt_names").Select(t => Get(t, "matcher"))))
        {
            var match = HeaderMatchReader.StringMatch("san", matcher!, invert: false);
            if (match.Value is not null)
                sans.Add(match.Kind == "exact" ? match.Value : $"{match.Kind} {match.Value}");
        }

        return sans;
    }
}
