using System.Text.RegularExpressions;

namespace MeshOps.Envoy.Config;

/// <summary>
/// The <c>/config_dump</c> request for what is asked: <c>?include_eds</c> adds the EDS endpoints,
/// <c>?resource=&lt;repeated field&gt;</c> (<c>dynamic_active_clusters</c>, <c>dynamic_listeners</c>,
/// <c>static_clusters</c>…) returns only those items, each packed with its own type.
/// </summary>
public static partial class EnvoyConfigDumpRequest
{
    /// <summary>The path and query; throws <see cref="ArgumentException"/> for a resource that is no field name.</summary>
    public static string PathAndQuery(bool includeEds, string? resource)
    {
        var query = new List<string>();
        if (resource is not null)
        {
            if (!FieldName().IsMatch(resource))
                throw new ArgumentException($"'{Secrets.OutputText.Clean(resource)}' is not a config dump field name (such as dynamic_active_clusters, dynamic_listeners, static_clusters).", nameof(resource));
            query.Add("resource=" + resource);
        }

        if (includeEds)
            query.Add("include_eds");
        return query.Count == 0 ? "/config_dump" : "/config_dump?" + string.Join('&', query);
    }

    // Proto field names of the admin config dump messages: lower case and underscores (config_dump.proto).
    [GeneratedRegex("^[a-z][a-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}
