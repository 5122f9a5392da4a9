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

    public static List<EnvoyStatistic> Read(EnvoySource source, ReadOnlySpan<byte> text, StatNameTable names)
    {
        var stats = new List<EnvoyStatistic>(text.Count((byte)'\n') + 1);
        var types = new Dictionary<string, EnvoyStatisticType>(StringComparer.Ordinal);
        var typeLookup = types.GetAlternateLookup<ReadOnlySpan<char>>();
        var labelSets = new PrometheusLabelSets(names);
        var histograms = new Dictionary<(string Family, EnvoyLabels? Labels), HistogramBuilder>();
        Span<char> nameChars = stackalloc char[256];
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

            var sample = Sample.Parse(current);
            if (sample.Name.IsEmpty || sample.Name.Length > nameChars.Length)
                throw Fault(source, line, "no metric name, or one too long");
            if (sample.LabelsStart >= 0 && sample.LabelsEnd < 0)
                throw Fault(source, line, "a label set without its closing brace");
            if (!sample.ValueOk)
                throw Fault(source, line, $"the value of {Encoding.UTF8.GetString(sample.Name)} is not a number");
            var labels = labelSets.Get(current, sample, out var le, out var quantile, source, line);
            var nameText = nameChars[..Encoding.UTF8.GetChars(sample.Name, nameChars)];
            if (typeLookup.TryGetValue(nameText, out var type) && type is not (EnvoyStatisticType.Histogram or EnvoyStatisticType.Summary))
            {
                stats.Add(new EnvoyStatistic(source, null, names.Intern(sample.Name), type, null, labels, sample.Value));
                continue;
            }

            if (Part(nameText, typeLookup, out var family, out var part))
            {
                var key = (family, labels);
                if (!histograms.TryGetValue(key, out var builder))
                {
                    builder = new HistogramBuilder(family, types[family], labels, stats.Count);
                    histograms[key] = builder;
                    stats.Add(null!);
                }

                if (!builder.Add(part, le, quantile, sample.Value))
                    throw Fault(source, line, $"a {Encoding.UTF8.GetString(sample.Name)} sample without its le or quantile label");
                continue;
            }

            stats.Add(new EnvoyStatistic(source, null, names.Intern(sample.Name), type, null, labels, sample.Value));
        }

        foreach (var builder in histograms.Values)
            stats[builder.Index] = builder.Build(source);
        return stats;
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

    /// <summary>Whether a sample belongs to a histogram or summary family: <c>family_bucket</c>, <c>family_sum</c>, <c>family_count</c>, or the summary's own name.</summary>
    private static bool Part(ReadOnlySpan<char> name, Dictionary<string, EnvoyStatisticType>.AlternateLookup<ReadOnlySpan<char>> types, out string family, out HistogramPart part)
    {
        foreach (var (suffix, kind) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal)
                && types.TryGetValue(name[..^suffix.Length], out var actual, out var type) && type is EnvoyStatisticType.Histogram or EnvoyStatisticType.Summary)
            {
                family = actual;
                part = kind;
                return true;
            }
        }

        if (types.TryGetValue(name, out var own, out var ownType) && ownType == EnvoyStatisticType.Summary)
        {
            family = own;
            part = HistogramPart.Quantile;
            return true;
        }

        family = string.Empty;
        part = default;
        return false;
    }

    private static EnvoyFormatException Fault(EnvoySource source, int line, string problem) => new(source, Output, line, problem);

    internal enum HistogramPart
    {
        Bucket,
        Sum,
        Count,
        Quantile,
    }

    /// <summary>One sample line split in place: name, the label text between braces, value.</summary>
    internal readonly ref struct Sample
    {
        public ReadOnlySpan<byte> Name { get; init; }

        public int LabelsStart { get; init; }

        public int LabelsEnd { get; init; }

        public double Value { get; init; }

        public bool ValueOk { get; init; }

        public static Sample Parse(ReadOnlySpan<byte> line)
        {
            var nameEnd = line.IndexOfAny((byte)'{', (byte)' ', (byte)'\t');
            if (nameEnd <= 0)
                return default;
            int labelsStart = -1, labelsEnd = -1, position = nameEnd;
            if (line[nameEnd] == (byte)'{')
            {
                labelsStart = nameEnd + 1;
                labelsEnd = ClosingBrace(line, labelsStart);
                if (labelsEnd < 0)
                    return new Sample { Name = line[..nameEnd], LabelsStart = labelsStart, LabelsEnd = -1 };
                position = labelsEnd + 1;
            }

            var rest = line[position..].TrimStart((byte)' ');
            var valueEnd = rest.IndexOf((byte)' ');
            var value = valueEnd < 0 ? rest : rest[..valueEnd];
            var ok = Number(value, out var number);
            return new Sample { Name = line[..nameEnd], LabelsStart = labelsStart, LabelsEnd = labelsEnd, Value = number, ValueOk = ok };
        }

        private static int ClosingBrace(ReadOnlySpan<byte> line, int start)
        {
            var quoted = false;
            for (var i = start; i < line.Length; i++)
            {
                var b = line[i];
                if (quoted && b == (byte)'\\')
                    i++;
                else if (b == (byte)'"')
                    quoted = !quoted;
                else if (!quoted && b == (byte)'}')
                    return i;
            }

            return -1;
        }

        private static bool Number(ReadOnlySpan<byte> text, out double value)
        {
            if (Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
                return true;
            value = text switch
            {
                _ when text.SequenceEqual("NaN"u8) => double.NaN,
                _ when text.SequenceEqual("+Inf"u8) || text.SequenceEqual("Inf"u8) => double.PositiveInfinity,
                _ when text.SequenceEqual("-Inf"u8) => double.NegativeInfinity,
                _ => -1,
            };
            return value != -1;
        }
    }
}
