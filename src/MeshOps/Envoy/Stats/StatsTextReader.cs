using System.Buffers.Text;
using System.Text;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// Reads <c>/stats</c> text (Envoy's source/server/admin/stats_render.cc, StatsTextRender) from its UTF-8 bytes:
/// <c>name: 123</c> (counter or gauge, the text does not say which), <c>name: "text"</c> (a text readout, printed
/// verbatim), <c>name: P0(i,c) P25(i,c) …</c> (a histogram's quantiles, <c>nan</c> for an empty interval),
/// <c>name: B0.5(i,c) …</c> (<c>histogram_buckets=cumulative|disjoint</c>) and <c>name: No recorded values</c>.
/// </summary>
internal static class StatsTextReader
{
    public const string Output = "/stats text";

    private static readonly byte[] Separator = ": "u8.ToArray();
    private static readonly byte[] NoRecordedValues = "No recorded values"u8.ToArray();
    private static readonly byte[] Nan = "nan"u8.ToArray();

    public static List<EnvoyStatistic> Read(EnvoySource source, ReadOnlySpan<byte> text, EnvoyStatisticType numberType, StatNameTable names)
    {
        // Counting lines first (vectorised) sizes the list once: growing it would copy the references log2(n) times.
        var stats = new List<EnvoyStatistic>(text.Count((byte)'\n') + 1);
        var line = 0;
        while (!text.IsEmpty)
        {
            line++;
            var end = text.IndexOf((byte)'\n');
            var current = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (!current.IsEmpty && current[^1] == (byte)'\r')
                current = current[..^1];
            if (current.IsEmpty)
                continue;
            stats.Add(ReadLine(source, current, line, numberType, names));
        }

        return stats;
    }

    private static EnvoyStatistic ReadLine(EnvoySource source, ReadOnlySpan<byte> line, int number, EnvoyStatisticType numberType, StatNameTable names)
    {
        if (line[0] == (byte)' ')
            throw Fault(source, number, "an indented line: histogram_buckets=detailed output is not read; ask for the default quantiles or histogram_buckets=cumulative");
        var separator = line.IndexOf(Separator);
        if (separator <= 0)
        {
            throw Fault(source, number, line[^1] == (byte)':'
                ? "a histogram in histogram_buckets=detailed form, which is not read; ask for the default quantiles or histogram_buckets=cumulative"
                : "no 'name: value' on this line; is this /stats text?");
        }

        var value = line[(separator + 2)..];
        var (head, tail) = names.Split(line[..separator]);
        if (Utf8Parser.TryParse(value, out ulong number64, out var consumed) && consumed == value.Length)
            return new EnvoyStatistic(source, head, tail, numberType, number64);
        if (value.Length >= 2 && value[0] == (byte)'"' && value[^1] == (byte)'"')
            return new EnvoyStatistic(source, head, tail, EnvoyStatisticType.TextReadout, Encoding.UTF8.GetString(value[1..^1]));
        if (value.SequenceEqual(NoRecordedValues))
            return new EnvoyStatistic(source, head, tail, EnvoyStatisticType.Histogram, HistogramValues.NoRecordedValues);
        if (!value.IsEmpty && value[0] is (byte)'P' or (byte)'B' && ReadHistogram(value) is { } histogram)
            return new EnvoyStatistic(source, head, tail, EnvoyStatisticType.Histogram, histogram);
        throw Fault(source, number, $"the value of {Encoding.UTF8.GetString(line[..separator])} is no number, quoted text or histogram");
    }

    /// <summary><c>P25(nan,1.03) P50(…)</c> or <c>B0.5(0,3) B1(…)</c>, one kind per line; null when it is neither.</summary>
    private static EnvoyHistogramData? ReadHistogram(ReadOnlySpan<byte> value)
    {
        var kind = value[0];
        var quantiles = kind == (byte)'P' ? new List<EnvoyQuantile>(10) : null;
        var buckets = kind == (byte)'B' ? new List<EnvoyHistogramBucket>(20) : null;
        while (!value.IsEmpty)
        {
            var space = value.IndexOf((byte)' ');
            var item = space < 0 ? value : value[..space];
            value = space < 0 ? [] : value[(space + 1)..];
            var open = item.IndexOf((byte)'(');
            var comma = item.IndexOf((byte)',');
            if (item.IsEmpty || item[0] != kind || open < 2 || comma < open || item[^1] != (byte)')')
                return null;
            if (!Number(item[1..open], out var bound) || !Number(item[(open + 1)..comma], out var interval) || !Number(item[(comma + 1)..^1], out var cumulative))
                return null;
            if (bound is null)
                return null;
            if (quantiles is not null)
                quantiles.Add(new EnvoyQuantile(bound.Value, interval, cumulative));
            else if (cumulative is { } total)
                buckets!.Add(new EnvoyHistogramBucket(bound.Value, interval, total));
            else
                return null;
        }

        return new EnvoyHistogramData(quantiles, buckets);
    }

    /// <summary>A number as Envoy's fmt prints a double, with <c>nan</c> for no value.</summary>
    private static bool Number(ReadOnlySpan<byte> text, out double? value)
    {
        value = null;
        if (text.SequenceEqual(Nan))
            return true;
        if (!Utf8Parser.TryParse(text, out double parsed, out var consumed) || consumed != text.Length)
            return false;
        value = parsed;
        return true;
    }

    private static EnvoyFormatException Fault(EnvoySource source, int line, string problem) => new(source, Output, line, problem);
}
