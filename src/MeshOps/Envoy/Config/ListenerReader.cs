using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>
/// An Envoy <c>Listener</c> into <see cref="EnvoyListener"/>: each filter chain with its match and its target, the
/// route configurations written inline in its connection managers, and its RBAC filters as intentions.
/// </summary>
internal static class ListenerReader
{
    public static (EnvoyListener Listener, IReadOnlyList<EnvoyRouteConfiguration> InlineRoutes) Read(
        JsonNode listener, EnvoyConfigState state, JsonNode? entry, string? error, ConfigContext context)
    {
        var name = String(listener, "name") ?? String(entry, "name") ?? throw new InvalidOperationException("a listener has no name");
        var (address, ip, port) = AddressReader.Read(Get(listener, "address"));
        var routes = new List<EnvoyRouteConfiguration>();
        var chains = new List<EnvoyFilterChain>();
        foreach (var chain in Array(listener, "filter_chains"))
            chains.Add(Chain(chain, chains.Count, isDefault: false, name, state, context, routes));
        if (Get(listener, "default_filter_chain") is { } fallback)
            chains.Add(Chain(fallback, chains.Count, isDefault: true, name, state, context, routes));

        var result = new EnvoyListener
        {
            Source = context.Source,
            Name = name,
            Address = address,
            IPAddress = ip,
            Port = port,
            Direction = Direction(String(listener, "traffic_direction"), name),
            State = state,
            VersionInfo = String(entry, "version_info"),
            LastUpdated = Timestamp(entry, "last_updated"),
            ErrorDetails = error,
            ListenerFilters = Array(listener, "listener_filters").Select(f => String(f, "name")).OfType<string>().ToList(),
            FilterChains = chains,
        };
        return (result, routes);
    }

    /// <summary>A listener Envoy only knows from a rejected update: its name, state and the reason.</summary>
    public static EnvoyListener Rejected(string name, JsonNode? errorState, ConfigContext context) => new()
    {
        Source = context.Source,
        Name = name,
        State = EnvoyConfigState.Rejected,
        Direction = Direction(null, name),
        VersionInfo = String(errorState, "version_info"),
        LastUpdated = Timestamp(errorState, "last_update_attempt"),
        ErrorDetails = String(errorState, "details"),
    };

    // Consul always sets traffic_direction; a listener without one is named by Consul's convention.
    private static EnvoyTrafficDirection Direction(string? direction, string name) => direction switch
    {
        "INBOUND" => EnvoyTrafficDirection.Inbound,
        "OUTBOUND" => EnvoyTrafficDirection.Outbound,
        _ when name.StartsWith("public_listener:", StringComparison.Ordinal) => EnvoyTrafficDirection.Inbound,
        _ when name.StartsWith("outbound_listener:", StringComparison.Ordinal) => EnvoyTrafficDirection.Outbound,
        _ => EnvoyTrafficDirection.Unspecified,
    };

    private static EnvoyFilterChain Chain(JsonNode chain, int index, bool isDefault, string listener, EnvoyConfigState state, ConfigContext context, List<EnvoyRouteConfiguration> routes)
    {
        var match = Get(chain, "filter_chain_match");
        var filters = Array(chain, "filters").ToList();
        string? kind = null, cluster = null, routeConfig = null, statPrefix = null;
        var fromRds = false;
        var weighted = new List<EnvoyWeightedCluster>();
        var httpFilters = new List<string>();
        var rbac = new List<EnvoyRbacFilter>();
        foreach (var filter in filters)
        {
            var name = String(filter, "name") ?? "";
            var config = Get(filter, "typed_config");
            if (RbacReader.Kind(filter) is { } rbacKind)
            {
                rbac.Add(RbacReader.Read(filter, rbacKind, listener, context));
            }
            else if (name.EndsWith("tcp_proxy", StringComparison.Ordinal) || TypeEndsWith(config, ".TcpProxy"))
            {
                kind = "TcpProxy";
                statPrefix = String(config, "stat_prefix");
                weighted = Array(Get(config, "weighted_clusters"), "clusters")
                    .Select(c => new EnvoyWeightedCluster(String(c, "name") ?? "", UInt(c, "weight") ?? 0)).ToList();
                cluster = String(config, "cluster") ?? weighted.OrderByDescending(w => w.Weight).FirstOrDefault()?.Name;
            }
            else if (name.EndsWith("http_connection_manager", StringComparison.Ordinal) || TypeEndsWith(config, ".HttpConnectionManager"))
            {
                kind = "Http";
                statPrefix = String(config, "stat_prefix");
                if (Get(config, "rds") is { } rds)
                {
                    routeConfig = String(rds, "route_config_name");
                    fromRds = true;
                }
                else if (Get(config, "route_config") is { } inline)
                {
                    var route = RouteReader.Read(inline, state, listener, entry: null, context);
                    routes.Add(route);
                    routeConfig = route.Name;
                }

                foreach (var http in Array(config, "http_filters"))
                {
                    httpFilters.Add(String(http, "name") ?? "");
                    if (RbacReader.Kind(http) is { } httpRbac)
                        rbac.Add(RbacReader.Read(http, httpRbac, listener, context));
                }
            }
            else
            {
                kind ??= name;
            }
        }

        var downstreamTls = Get(Get(chain, "transport_socket"), "typed_config");
        var prefixes = Prefixes(match, "prefix_ranges");
        var serverNames = Strings(match, "server_names");
        var port = UInt(match, "destination_port");
        var sources = Prefixes(match, "source_prefix_ranges");
        var transport = String(match, "transport_protocol");
        var alpn = Strings(match, "application_protocols");
        return new EnvoyFilterChain
        {
            Source = context.Source,
            Listener = listener,
            Index = index,
            Name = String(chain, "name"),
            IsDefault = isDefault || (prefixes.Count == 0 && serverNames.Count == 0 && port is null && sources.Count == 0 && transport is null && alpn.Count == 0),
            PrefixRanges = prefixes,
            SourcePrefixRanges = sources,
            ServerNames = serverNames,
            DestinationPort = port is { } p && p <= uint.MaxValue ? (uint)p : null,
            TransportProtocol = transport,
            ApplicationProtocols = alpn,
            Filters = filters.Select(f => String(f, "name") ?? "").ToList(),
            Kind = kind,
            Cluster = cluster,
            WeightedClusters = weighted,
            RouteConfiguration = routeConfig,
            RouteFromRds = fromRds,
            StatPrefix = statPrefix,
            HttpFilters = httpFilters,
            Tls = downstreamTls is not null,
            RequireClientCertificate = Bool(downstreamTls, "require_client_certificate") || Get(downstreamTls, "require_client_certificate") is JsonObject { } wrapped && Bool(wrapped, "value"),
            Rbac = rbac,
        };
    }

    // CidrRange: prefix_len is a UInt32Value wrapper; absent means 0 (every address of the family).
    private static IReadOnlyList<string> Prefixes(JsonNode? match, string name) =>
        Array(match, name).Select(r => $"{String(r, "address_prefix")}/{UInt(r, "prefix_len") ?? 0}").ToList();
}
