using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MeshOps.Tests.Envoy.Stats;

/// <summary>One stat as the test knows it before Envoy prints it.</summary>
internal sealed record RenderedStat(string Name, ulong? Value = null, string? Text = null, (double Interval, double Cumulative)[]? Quantiles = null, bool Histogram = false);

/// <summary>
/// Prints stats as Envoy's stats_render.cc does, in text and in JSON, so the two readers can be held to one answer:
/// counters and gauges sorted with text readouts, histograms last; <c>nan</c> in text is null in JSON; an unused
/// histogram is <c>No recorded values</c> in text and all-null quantiles in JSON.
/// </summary>
internal static class EnvoyStatsRendering
{
    public static readonly double[] SupportedQuantiles = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 100];

    public static string Text(IEnumerable<RenderedStat> stats)
    {
        var text = new StringBuilder();
        foreach (var stat in stats)
        {
            if (!stat.Histogram)
            {
                text.Append(stat.Text is null ? $"{stat.Name}: {stat.Value}\n" : $"{stat.Name}: \"{stat.Text}\"\n");
            }
            else if (stat.Quantiles is null)
            {
                text.Append(stat.Name).Append(": No recorded values\n");
            }
            else
            {
                text.Append(stat.Name).Append(": ").AppendJoin(' ', stat.Quantiles.Select((q, i) =>
                    FormattableString.Invariant($"P{SupportedQuantiles[i]}({Number(q.Interval)},{Number(q.Cumulative)})"))).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string Json(IEnumerable<RenderedStat> stats)
    {
        var array = new JsonArray();
        var computed = new JsonArray();
        foreach (var stat in stats)
        {
            if (!stat.Histogram)
            {
                array.Add(new JsonObject { ["name"] = stat.Name, ["value"] = stat.Text is null ? JsonValue.Create(stat.Value!.Value) : JsonValue.Create(stat.Text) });
                continue;
            }

            var values = new JsonArray();
            for (var i = 0; i < SupportedQuantiles.Length; i++)
            {
                var (interval, cumulative) = stat.Quantiles?[i] ?? (double.NaN, double.NaN);
                values.Add(new JsonObject { ["cumulative"] = Json(cumulative), ["interval"] = Json(interval) });
            }

            computed.Add(new JsonObject { ["name"] = stat.Name, ["values"] = values });
        }

        if (computed.Count > 0)
        {
            array.Add(new JsonObject
            {
                ["histograms"] = new JsonObject
                {
                    ["supported_quantiles"] = new JsonArray([.. SupportedQuantiles.Select(q => JsonValue.Create(q))]),
                    ["computed_quantiles"] = computed,
                },
            });
        }

        return new JsonObject { ["stats"] = array }.ToJsonString();
    }

    private static string Number(double value) => double.IsNaN(value) ? "nan" : value.ToString("R", CultureInfo.InvariantCulture);

    private static JsonValue? Json(double value) => double.IsNaN(value) ? null : JsonValue.Create(value);
}
