using System.Text.Json.Nodes;
using static MeshOps.Envoy.Config.ConfigJson;

namespace MeshOps.Envoy.Config;

/// <summary>A <c>RouteConfiguration</c> (from RDS or inline in a connection manager) into virtual hosts and routes.</summary>
internal static class RouteReader
{
    private static readonly string[] PathKinds = ["prefix", "path", "path_separated_prefix"];

    public static EnvoyRouteConfiguration Read(JsonNode config, EnvoyConfigState state, string? listener, JsonNode? entry, ConfigContext context)
    {
        var name = String(config, "name") ?? "";
        return new EnvoyRouteConfiguration
        {
            Source = context.Source,
            Name = name,
            State = state,
            Listener = listener,
            VersionInfo = String(entry, "version_info"),
            LastUpdated = Timestamp(entry, "last_updated"),
            VirtualHosts = Array(config, "virtual_hosts").Select(v => VirtualHost(v, name, context)).ToList(),
        };
    }

    private static EnvoyVirtualHost VirtualHost(JsonNode host, string config, ConfigContext context)
    {
        var name = String(host, "name") ?? "";
        var domains = Strings(host, "domains");
        return new EnvoyVirtualHost
        {
            Name = name,
            Domains = domains,
            Routes = Array(host, "routes").Select((r, i) => Route(r, i, config, name, domains, context)).ToList(),
        };
    }

    private static EnvoyRoute Route(JsonNode route, int index, string config, string host, IReadOnlyList<string> domains, ConfigContext context)
    {
        var match = Get(route, "match");
        var (kind, value) = MatchOf(match);
        var action = Get(route, "route");
        var weighted = Array(Get(action, "weighted_clusters"), "clusters")
            .Select(c => new EnvoyWeightedCluster(String(c, "name") ?? "", UInt(c, "weight") ?? 0)).ToList();
        var (actionName, cluster, status) = action is not null
            ? (weighted.Count > 0 ? "WeightedClusters" : Get(action, "cluster_header") is not null ? "ClusterHeader" : "Cluster", String(action, "cluster"), (uint?)null)
            : Get(route, "redirect") is { } redirect
                ? ("Redirect", null, (uint?)RedirectStatus(String(redirect, "response_code")))
                : Get(route, "direct_response") is { } direct
                    ? ("DirectResponse", null, (uint?)UInt(direct, "status"))
                    : ("None", null, null);
        return new EnvoyRoute
        {
            Source = context.Source,
            RouteConfiguration = config,
            VirtualHost = host,
            Domains = domains,
            Index = index,
            Name = String(route, "name"),
            MatchKind = kind,
            MatchValue = value,
            // case_sensitive is a BoolValue wrapper: absent = true.
            CaseSensitive = Get(match, "case_sensitive") is not JsonValue sensitive || sensitive.ToJsonString() != "false",
            Headers = Array(match, "headers").Select(HeaderMatchReader.Read).OfType<EnvoyHeaderMatch>().ToList(),
            QueryParameters = Array(match, "query_parameters").Select(Query).ToList(),
            Action = actionName,
            Cluster = cluster,
            WeightedClusters = weighted,
            Timeout = Duration(action, "timeout"),
            PrefixRewrite = String(action, "prefix_rewrite"),
            Status = status,
        };
    }

    private static (string? Kind, string? Value) MatchOf(JsonNode? match)
    {
        foreach (var kind in PathKinds)
        {
            if (String(match, kind) is { } value)
                return (kind, value);
        }

        if (String(Get(match, "safe_regex"), "regex") is { } regex)
            return ("regex", regex);
        if (Get(match, "connect_matcher") is not null)
            return ("connect", null);
        return Get(match, "path_match_policy") is { } policy ? ("path_template", String(Get(policy, "typed_config"), "path_template")) : (null, null);
    }

    private static string Query(JsonNode parameter)
    {
        var name = String(parameter, "name") ?? "";
        if (Get(parameter, "string_match") is { } match)
        {
            var m = HeaderMatchReader.StringMatch(name, match, invert: false);
            return $"{name} {m.Kind} {m.Value}";
        }

        return $"{name} present";
    }

    // RedirectResponseCode: MOVED_PERMANENTLY (301) is 0 and so omitted.
    private static uint RedirectStatus(string? code) => code switch
    {
        "FOUND" => 302,
        "SEE_OTHER" => 303,
        "TEMPORARY_REDIRECT" => 307,
        "PERMANENT_REDIRECT" => 308,
        _ => 301,
    };
}
