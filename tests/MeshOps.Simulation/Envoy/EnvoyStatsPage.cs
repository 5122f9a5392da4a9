using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MeshOps.Simulation.Envoy;

/// <summary>
/// <c>/stats</c> with the query parameters Envoy's stats_params.cc accepts (<c>filter</c>, <c>type</c>,
/// <c>usedonly</c>, <c>format</c>) and its 400 answers for bad values; and <c>/stats/prometheus</c>.
/// </summary>
public static class EnvoyStatsPage
{
    /// <summary>The status, content type and body of <c>/stats</c> for a query string.</summary>
    public static (int Status, string ContentType, string Body) Render(EnvoyAdminData data, IReadOnlyDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var format = query.GetValueOrDefault("format") ?? "text";
        if (format is not ("text" or "json" or "prometheus"))
            return (400, "text/plain", "usage: /stats?format=(html|active-html|json|prometheus|text)\n");
        var type = query.GetValueOrDefault("type") ?? "All";
        EnvoyStatKind[]? kinds = type switch
        {
            "All" => [EnvoyStatKind.Counter, EnvoyStatKind.Gauge, EnvoyStatKind.TextReadout, EnvoyStatKind.Histogram],
            "Counters" => [EnvoyStatKind.Counter],
            "Gauges" => [EnvoyStatKind.Gauge],
            "TextReadouts" => [EnvoyStatKind.TextReadout],
            "Histograms" => [EnvoyStatKind.Histogram],
            _ => null,
        };
        if (kinds is null)
            return (400, "text/plain", "invalid &type= param\n");
        Regex? filter = null;
        if (query.GetValueOrDefault("filter") is { Length: > 0 } pattern)
        {
            try
            {
                filter = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return (400, "text/plain", "Invalid re2 regex");
            }
        }

        var usedOnly = query.ContainsKey("usedonly");
        var stats = EnvoyStats.For(data)
            .Where(s => kinds.Contains(s.Kind))
            .Where(s => filter is null || filter.IsMatch(s.Name))
            .Where(s => !usedOnly || s.Used)
            .ToList();
        return format switch
        {
            "json" => (200, "application/json", Json(stats)),
            "prometheus" => (200, "text/plain; charset=UTF-8", Prometheus(stats)),
            _ => (200, "text/plain; charset=UTF-8", Text(stats)),
        };
    }

    public static string Text(IEnumerable<EnvoyStat> stats)
    {
        var text = new StringBuilder();
        foreach (var stat in stats)
        {
            if (stat.Kind == EnvoyStatKind.Histogram)
                text.Append(CultureInfo.InvariantCulture, $"{stat.Name}: {EnvoyStatsHistogram.Text(stat.Samples)}\n");
            else if (stat.Kind == EnvoyStatKind.TextReadout)
                text.Append(CultureInfo.InvariantCulture, $"{stat.Name}: \"{stat.Text}\"\n");
            else
                text.Append(CultureInfo.InvariantCulture, $"{stat.Name}: {stat.Value}\n");
        }

        return text.ToString();
    }

    /// <summary>StatsJsonRender: histograms are one element of the <c>stats</c> array, NaN (no value) is null.</summary>
    public static string Json(IEnumerable<EnvoyStat> stats)
    {
        var array = new JsonArray();
        var computed = new JsonArray();
        foreach (var stat in stats)
        {
            if (stat.Kind == EnvoyStatKind.Histogram)
            {
                var values = new JsonArray();
                foreach (var q in EnvoyStatsHistogram.SupportedQuantiles)
                {
                    JsonNode? cumulative = stat.Samples is { Count: > 0 } samples ? JsonValue.Create(EnvoyStatsHistogram.Quantile(samples, q)) : null;
                    values.Add(new JsonObject { ["cumulative"] = cumulative, ["interval"] = null });
                }

                computed.Add(new JsonObject { ["name"] = stat.Name, ["values"] = values });
                continue;
            }

            array.Add(new JsonObject
            {
                ["name"] = stat.Name,
                ["value"] = stat.Kind == EnvoyStatKind.TextReadout ? JsonValue.Create(stat.Text ?? string.Empty) : JsonValue.Create(stat.Value),
            });
        }

        if (computed.Count > 0)
        {
            array.Add(new JsonObject
            {
                ["histograms"] = new JsonObject
                {
                    ["supported_quantiles"] = new JsonArray([.. EnvoyStatsHistogram.SupportedQuantiles.Select(q => (JsonNode?)JsonValue.Create(q))]),
                    ["computed_quantiles"] = computed,
                },
            });
        }

        return new JsonObject { ["stats"] = array }.ToJsonString();
    }

    /// <summary>Prometheus exposition 0.0.4; text readouts are left out, as Envoy does without <c>?text_readouts</c>.</summary>
    public static string Prometheus(IEnumerable<EnvoyStat> stats)
    {
        var text = new StringBuilder();
        var families = stats
            .Where(s => s.Kind != EnvoyStatKind.TextReadout)
            .Select(s => (Stat: s, Name: EnvoyStats.PrometheusName(s)))
            .GroupBy(s => s.Name.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var first = family.First().Stat;
            var type = first.Kind switch { EnvoyStatKind.Counter => "counter", EnvoyStatKind.Histogram => "histogram", _ => "gauge" };
            text.Append(CultureInfo.InvariantCulture, $"# TYPE {family.Key} {type}\n");
            foreach (var (stat, (name, labels)) in family)
            {
                if (stat.Kind != EnvoyStatKind.Histogram)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{name}{{{labels}}} {stat.Value}\n");
                    continue;
                }

                var samples = stat.Samples ?? [];
                var separator = labels.Length > 0 ? "," : string.Empty;
                foreach (var bound in EnvoyStatsHistogram.DefaultBuckets)
                    text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"{bound:R}\"}} {samples.Count(v => v <= bound)}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_bucket{{{labels}{separator}le=\"+Inf\"}} {samples.Count}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_sum{{{labels}}} {samples.Sum():R}\n");
                text.Append(CultureInfo.InvariantCulture, $"{name}_count{{{labels}}} {samples.Count}\n");
            }
        }

        return text.ToString();
    }
}
