using System.Buffers.Text;
using System.Text;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// Reads Prometheus text exposition 0.0.4 (<c>/stats/prometheus</c>, consul-dataplane's merged <c>/metrics</c>):
/// <c># TYPE</c> gives a family's type; a histogram's <c>_bucket{le=…}</c>, <c>_sum</c> and <c>_count</c> samples, and a
/// summary's <c>{quantile=…}</c>, <c>_sum</c> and <c>_count</c>, become one statistic per label set.
/// </summary>
internal static class PrometheusReader
{
    public const string Output = "/stats/prometheus";

    private static readonly byte[] TypePrefix = "# TYPE "u8.ToArray();

    private static readonly (string Suffix, HistogramPart Part)[] Suffixes =
        [("_bucket", HistogramPart.Bucket), ("_sum", HistogramPart.Sum), ("_count", HistogramPart.Count)];

    internal enum HistogramPart
    {
        None,
        Bucket,
        Sum,
        Count,
        Quantile,
    }

    public static List<EnvoyStatistic> Read(EnvoySource source, ReadOnlySpan<byte> text, StatNameTable names)
    {
        var stats = new List<EnvoyStatistic>(text.Count((byte)'\n') + 1);
        var types = new Dictionary<string, EnvoyStatisticType>(StringComparer.Ordinal);
        var labelSets = new PrometheusLabelSets(names);
        var histograms = new Dictionary<(string Family, EnvoyLabels? Labels), HistogramBuilder>();

        // Envoy prints a family's samples together, so the name of one line is mostly the name of the last.
        var last = new SampleName([], string.Empty, EnvoyStatisticType.Unknown, HistogramPart.None);
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
            if (current[0] == (byte)'#')
            {
                if (current.StartsWith(TypePrefix))
                    ReadType(current[TypePrefix.Length..], types, names);
                continue;
            }

            var nameEnd = current.IndexOfAny((byte)'{', (byte)' ', (byte)'\t');
            if (nameEnd <= 0)
                throw Fault(source, line, "no metric name and value");
            var name = current[..nameEnd];
            if (!name.SequenceEqual(last.Bytes))
                last = Resolve(name, types, names);

            ReadOnlySpan<byte> labelText = [];
            var rest = current[nameEnd..];
            if (rest[0] == (byte)'{')
            {
                // The value and timestamp after the labels hold no '}', so the last one closes the set.
                var close = rest.LastIndexOf((byte)'}');
                if (close < 0)
                    throw Fault(source, line, "a label set without its closing brace");
                labelText = rest[1..close];
                rest = rest[(close + 1)..];
            }

            rest = rest.TrimStart(" \t"u8);
            var valueEnd = rest.IndexOfAny((byte)' ', (byte)'\t');
            if (!Number(valueEnd < 0 ? rest : rest[..valueEnd], out var value))
                throw Fault(source, line, $"the value of {last.Name} is not a number");

            if (last.Part == HistogramPart.None)
            {
                stats.Add(new EnvoyStatistic(source, null, last.Name, last.Type, null, labelSets.Plain(labelText, source, line), value));
                continue;
            }

            var labels = labelSets.WithBounds(labelText, out var le, out var quantile, source, line);
            var key = (last.Name, labels);
            if (!histograms.TryGetValue(key, out var builder))
            {
                builder = new HistogramBuilder(last.Name, last.Type, labels, stats.Count);
                histograms[key] = builder;
                stats.Add(null!);
            }

            if (!builder.Add(last.Part, le, quantile, value))
                throw Fault(source, line, $"a {Encoding.UTF8.GetString(name)} sample without its le or quantile label");
        }

        foreach (var builder in histograms.Values)
            stats[builder.Index] = builder.Build(source);
        return stats;
    }

    /// <summary>
    /// What a sample name stands for: a counter, gauge or untyped sample (its own family), or a part of a histogram or
    /// summary family (<c>family_bucket</c>, <c>family_sum</c>, <c>family_count</c>, or the summary's own name).
    /// </summary>
    private static SampleName Resolve(ReadOnlySpan<byte> bytes, Dictionary<string, EnvoyStatisticType> types, StatNameTable names)
    {
        var name = names.Intern(bytes);
        if (types.TryGetValue(name, out var type))
        {
            return type switch
            {
                EnvoyStatisticType.Summary => new SampleName(bytes.ToArray(), name, type, HistogramPart.Quantile),
                EnvoyStatisticType.Histogram => new SampleName(bytes.ToArray(), name, EnvoyStatisticType.Unknown, HistogramPart.None),
                _ => new SampleName(bytes.ToArray(), name, type, HistogramPart.None),
            };
        }

        foreach (var (suffix, part) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && types.TryGetValue(name[..^suffix.Length], out var familyType) && familyType is EnvoyStatisticType.Histogram or EnvoyStatisticType.Summary
                && (part != HistogramPart.Bucket || familyType == EnvoyStatisticType.Histogram))
            {
                return new SampleName(bytes.ToArray(), names.Intern(Encoding.UTF8.GetBytes(name[..^suffix.Length])), familyType, part);
            }
        }

        return new SampleName(bytes.ToArray(), name, EnvoyStatisticType.Unknown, HistogramPart.None);
    }

    private static void ReadType(ReadOnlySpan<byte> rest, Dictionary<string, EnvoyStatisticType> types, StatNameTable names)
    {
        var space = rest.IndexOf((byte)' ');
        if (space <= 0)
            return;
        var kind = rest[(space + 1)..].Trim((byte)' ');
        types[names.Intern(rest[..space])] = kind.SequenceEqual("counter"u8) ? EnvoyStatisticType.Counter
            : kind.SequenceEqual("gauge"u8) ? EnvoyStatisticType.Gauge
            : kind.SequenceEqual("histogram"u8) ? EnvoyStatisticType.Histogram
            : kind.SequenceEqual("summary"u8) ? EnvoyStatisticType.Summary
            : EnvoyStatisticType.Unknown;
    }

    private static bool Number(ReadOnlySpan<byte> text, out double value)
    {
        // Envoy's counters and gauges are integers: the integer parser is several times faster than the double one.
        if (Utf8Parser.TryParse(text, out ulong integer, out var consumed) && consumed == text.Length)
        {
            value = integer;
            return true;
        }

        if (Utf8Parser.TryParse(text, out value, out consumed) && consumed == text.Length)
            return true;
        if (text.SequenceEqual("NaN"u8))
            value = double.NaN;
        else if (text.SequenceEqual("+Inf"u8) || text.SequenceEqual("Inf"u8))
            value = double.PositiveInfinity;
        else if (text.SequenceEqual("-Inf"u8))
            value = double.NegativeInfinity;
        else
            return false;
        return true;
    }

    private static EnvoyFormatException Fault(EnvoySource source, int line, string problem) => new(source, Output, line, problem);

    private sealed record SampleName(byte[] Bytes, string Name, EnvoyStatisticType Type, HistogramPart Part);
}
