namespace MeshOps.Envoy.Stats;

/// <summary>
/// The requests a live read sends. Text and JSON print counters and gauges alike, so rather than guess, a live read
/// asks once per type (<c>type=Counters|Gauges|TextReadouts|Histograms</c>, Envoy's stats_params.cc) and each answer's
/// numbers are of the type asked for; Prometheus says its types itself and is one request.
/// </summary>
public static class EnvoyStatsQuery
{
    private static readonly (string Parameter, EnvoyStatisticType Type)[] Types =
    [
        ("Counters", EnvoyStatisticType.Counter),
        ("Gauges", EnvoyStatisticType.Gauge),
        ("TextReadouts", EnvoyStatisticType.TextReadout),
        ("Histograms", EnvoyStatisticType.Histogram),
    ];

    /// <param name="format">The output to ask for.</param>
    /// <param name="filter">An RE2 expression Envoy matches (partially) against its stat names, sent as <c>filter=</c>.</param>
    /// <param name="usedOnly">Only stats Envoy has written to (<c>usedonly</c>).</param>
    public static IReadOnlyList<EnvoyStatsRequest> Requests(EnvoyStatsFormat format, string? filter, bool usedOnly)
    {
        var common = (usedOnly ? "&usedonly" : string.Empty)
            + (string.IsNullOrEmpty(filter) ? string.Empty : "&filter=" + Uri.EscapeDataString(filter));
        return format switch
        {
            EnvoyStatsFormat.Prometheus =>
                [new EnvoyStatsRequest("/stats/prometheus" + (common.Length > 0 ? "?" + common[1..] : string.Empty), format, EnvoyStatisticType.Unknown)],
            EnvoyStatsFormat.Json =>
                [.. Types.Select(t => new EnvoyStatsRequest($"/stats?format=json&type={t.Parameter}{common}", format, t.Type))],
            _ => [.. Types.Select(t => new EnvoyStatsRequest($"/stats?type={t.Parameter}{common}", format, t.Type))],
        };
    }

    /// <summary>The answers to <see cref="Requests"/>, read and put back in one list ordered as a full dump is (names in order, histograms last).</summary>
    public static IReadOnlyList<EnvoyStatistic> Read(EnvoySource source, IReadOnlyList<(EnvoyStatsRequest Request, ReadOnlyMemory<byte> Body)> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var parts = answers.Select(a => EnvoyStatsParser.Parse(source, a.Body.Span, a.Request.Format, a.Request.NumberType)).ToList();
        if (parts.Count == 1)
            return parts[0];
        var all = parts.SelectMany(p => p);
        return
        [
            .. all.Where(s => s.Type != EnvoyStatisticType.Histogram).OrderBy(s => s.Name, StringComparer.Ordinal),
            .. all.Where(s => s.Type == EnvoyStatisticType.Histogram),
        ];
    }
}
