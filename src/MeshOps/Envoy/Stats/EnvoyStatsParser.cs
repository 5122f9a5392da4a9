namespace MeshOps.Envoy.Stats;

/// <summary>
/// Reads what Envoy's <c>/stats</c> handler prints, from its UTF-8 bytes, into <see cref="EnvoyStatistic"/>s. Pure: no
/// I/O. Input it cannot read is an <see cref="EnvoyFormatException"/> naming the source and line, never part of a list.
/// </summary>
public static class EnvoyStatsParser
{
    /// <summary>
    /// Reads any of the three outputs, told apart by content (never a file's extension): JSON starts with <c>{</c>,
    /// Prometheus has <c># TYPE</c>/<c># HELP</c> lines or <c>envoy_</c> names without <c>: </c>.
    /// Text and JSON numbers come back as <see cref="EnvoyStatisticType.Unknown"/>: they do not say counter or gauge.
    /// </summary>
    public static IReadOnlyList<EnvoyStatistic> Parse(EnvoySource source, ReadOnlySpan<byte> content) =>
        Parse(source, content, Detect(content));

    public static IReadOnlyList<EnvoyStatistic> Parse(EnvoySource source, ReadOnlySpan<byte> content, EnvoyStatsFormat format) =>
        Parse(source, content, format, EnvoyStatisticType.Unknown);

    /// <summary>
    /// Reads one output whose numbers are all of <paramref name="numberType"/>: the answer to a request Envoy filtered
    /// with <c>type=Counters</c> or <c>type=Gauges</c> (see <see cref="EnvoyStatsQuery"/>). Prometheus carries its own types.
    /// </summary>
    public static IReadOnlyList<EnvoyStatistic> Parse(EnvoySource source, ReadOnlySpan<byte> content, EnvoyStatsFormat format, EnvoyStatisticType numberType)
    {
        ArgumentNullException.ThrowIfNull(source);
        var names = new StatNameTable();
        content = SkipByteOrderMark(content);
        return format switch
        {
            EnvoyStatsFormat.Json => StatsJsonReader.Read(source, content, numberType, names),
            EnvoyStatsFormat.Prometheus => PrometheusReader.Read(source, content, names),
            _ => StatsTextReader.Read(source, content, numberType, names),
        };
    }

    public static EnvoyStatsFormat Detect(ReadOnlySpan<byte> content)
    {
        content = SkipByteOrderMark(content);
        var start = content.TrimStart(" \t\r\n"u8);
        if (!start.IsEmpty && start[0] == (byte)'{')
            return EnvoyStatsFormat.Json;
        if (start.StartsWith("# "u8))
            return EnvoyStatsFormat.Prometheus;

        // Text is "name: value"; a Prometheus name (which may hold ':') ends at '{' or a space with no ':' before it.
        var nameEnd = start.IndexOfAny((byte)'{', (byte)' ', (byte)'\n');
        return nameEnd > 0 && start[nameEnd] != (byte)'\n' && (start[nameEnd] == (byte)'{' || start[nameEnd - 1] != (byte)':')
            ? EnvoyStatsFormat.Prometheus
            : EnvoyStatsFormat.Text;
    }

    private static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> content) =>
        content.StartsWith("\uFEFF"u8) ? content[3..] : content;
}
