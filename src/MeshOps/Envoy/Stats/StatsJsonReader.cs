using System.Text;
using System.Text.Json;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// Reads <c>/stats?format=json</c> (StatsJsonRender): <c>{"stats":[{"name","value"}…,{"histograms":…}]}</c>, where a
/// number is a counter or gauge (the JSON does not say which), a string a text readout, and the histograms are one
/// element of the <c>stats</c> array: <c>{"supported_quantiles":[…],"computed_quantiles":[{"name","values":[{"cumulative","interval"}]}]}</c>
/// (null for NaN), an array of <c>{"name","buckets":[…]}</c> with <c>histogram_buckets=</c>, or
/// <c>{"supported_percentiles","details":[{"name","percentiles"}]}</c> with <c>histogram_buckets=detailed</c>.
/// </summary>
internal static class StatsJsonReader
{
    public const string Output = "/stats?format=json";

    public static List<EnvoyStatistic> Read(EnvoySource source, ReadOnlySpan<byte> json, EnvoyStatisticType numberType, StatNameTable names)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        try
        {
            var stats = new List<EnvoyStatistic>();
            Expect(ref reader, JsonTokenType.StartObject);
            var sawStats = false;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("stats"u8))
                {
                    reader.Skip();
                    continue;
                }

                sawStats = true;
                Expect(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                    ReadEntry(ref reader, source, numberType, names, stats);
            }

            if (!sawStats)
                throw new EnvoyFormatException(source, Output, 0, "no \"stats\" array; is this /stats?format=json?");
            return stats;
        }
        catch (JsonFault fault)
        {
            throw new EnvoyFormatException(source, Output, LineAt(json, fault.Offset), fault.Message);
        }
        catch (JsonException e)
        {
            throw new EnvoyFormatException(source, Output, (int)(e.LineNumber ?? -1) + 1, JsonProblem.Describe(e), e);
        }
    }

    private static void ReadEntry(ref Utf8JsonReader reader, EnvoySource source, EnvoyStatisticType numberType, StatNameTable names, List<EnvoyStatistic> stats)
    {
        (StatNameHead? Head, string Tail)? name = null;
        var start = reader.TokenStartIndex;
        double? number = null;
        string? text = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                Next(ref reader);
                name = Name(ref reader, names);
            }
            else if (reader.ValueTextEquals("value"u8))
            {
                var token = Next(ref reader);
                if (token == JsonTokenType.Number)
                    number = reader.GetDouble();
                else if (token == JsonTokenType.String)
                    text = reader.GetString();
                else
                    throw Fault(reader.TokenStartIndex, "a stat's value is neither a number nor a string");
            }
            else if (reader.ValueTextEquals("histograms"u8))
            {
                Next(ref reader);
                ReadHistograms(ref reader, source, names, stats);
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (name is null && (number is not null || text is not null))
            throw Fault(start, "a stat without a name");
        if (name is { } n)
        {
            var stat = text is not null
                ? new EnvoyStatistic(source, n.Head, n.Tail, EnvoyStatisticType.TextReadout, text)
                : number is { } value
                    ? new EnvoyStatistic(source, n.Head, n.Tail, numberType, value)
                    : throw Fault(start, $"the stat {n.Head?.Prefix}{n.Tail} has no value");
            stats.Add(stat);
        }
    }

    private static void ReadHistograms(ref Utf8JsonReader reader, EnvoySource source, StatNameTable names, List<EnvoyStatistic> stats)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (Next(ref reader) == JsonTokenType.StartObject)
                stats.Add(ReadHistogram(ref reader, source, names, supported: null));
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
            throw Fault(reader.TokenStartIndex, "\"histograms\" is neither an object nor an array");
        List<double>? supported = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("supported_quantiles"u8) || reader.ValueTextEquals("supported_percentiles"u8))
            {
                Next(ref reader);
                supported = [];
                while (Next(ref reader) == JsonTokenType.Number)
                    supported.Add(reader.GetDouble());
            }
            else if (reader.ValueTextEquals("computed_quantiles"u8) || reader.ValueTextEquals("details"u8))
            {
                Next(ref reader);
                if (supported is null)
                    throw Fault(reader.TokenStartIndex, "histogram quantiles come before the list of supported quantiles");
                while (Next(ref reader) == JsonTokenType.StartObject)
                    stats.Add(ReadHistogram(ref reader, source, names, supported));
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }
    }

    private static EnvoyStatistic ReadHistogram(ref Utf8JsonReader reader, EnvoySource source, StatNameTable names, List<double>? supported)
    {
        var start = reader.TokenStartIndex;
        (StatNameHead? Head, string Tail)? name = null;
        List<EnvoyQuantile>? quantiles = null;
        List<EnvoyHistogramBucket>? buckets = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                Next(ref reader);
                name = Name(ref reader, names);
            }
            else if (supported is not null && (reader.ValueTextEquals("values"u8) || reader.ValueTextEquals("percentiles"u8)))
            {
                Next(ref reader);
                quantiles = new List<EnvoyQuantile>(supported.Count);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    var (interval, cumulative, _) = ReadPoint(ref reader);
                    if (quantiles.Count >= supported.Count)
                        throw Fault(reader.TokenStartIndex, "a histogram has more values than supported quantiles");
                    quantiles.Add(new EnvoyQuantile(supported[quantiles.Count], interval, cumulative));
                }
            }
            else if (supported is null && reader.ValueTextEquals("buckets"u8))
            {
                Next(ref reader);
                buckets = [];
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    var (interval, cumulative, bound) = ReadPoint(ref reader);
                    buckets.Add(new EnvoyHistogramBucket(bound ?? double.NaN, interval, cumulative ?? 0));
                }
            }
            else
            {
                Next(ref reader);
                reader.Skip();
            }
        }

        if (name is not { } n)
            throw Fault(start, "a histogram without a name");
        var data = quantiles is not null && quantiles.TrueForAll(q => q.Interval is null && q.Cumulative is null)
            ? HistogramValues.NoRecordedValues
            : new EnvoyHistogramData(quantiles ?? (buckets is null ? [] : null), buckets);
        return new EnvoyStatistic(source, n.Head, n.Tail, EnvoyStatisticType.Histogram, data);
    }

    private static (double? Interval, double? Cumulative, double? UpperBound) ReadPoint(ref Utf8JsonReader reader)
    {
        double? interval = null, cumulative = null, bound = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var key = reader.ValueTextEquals("interval"u8) ? 1 : reader.ValueTextEquals("cumulative"u8) ? 2 : reader.ValueTextEquals("upper_bound"u8) ? 3 : 0;
            var value = Next(ref reader) == JsonTokenType.Number ? reader.GetDouble() : (double?)null;
            if (reader.TokenType is JsonTokenType.StartArray or JsonTokenType.StartObject)
                reader.Skip();
            switch (key)
            {
                case 1: interval = value; break;
                case 2: cumulative = value; break;
                case 3: bound = value; break;
            }
        }

        return (interval, cumulative, bound);
    }

    private static (StatNameHead? Head, string Tail) Name(ref Utf8JsonReader reader, StatNameTable names)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw Fault(reader.TokenStartIndex, "a stat's name is not a string");
        return reader.ValueIsEscaped || reader.HasValueSequence
            ? names.Split(Encoding.UTF8.GetBytes(reader.GetString()!))
            : names.Split(reader.ValueSpan);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
            throw new JsonException("the JSON ends early", null, null, null);
        return reader.TokenType;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
            throw Fault(reader.TokenStartIndex, $"expected {type}, found {reader.TokenType}; is this /stats?format=json?");
    }

    private static JsonFault Fault(long offset, string problem) => new(offset, problem);

    // Utf8JsonReader counts lines only in the exceptions it throws; a fault found here is located by its byte offset.
    private static int LineAt(ReadOnlySpan<byte> json, long offset) => json[..(int)Math.Min(offset, json.Length)].Count((byte)'\n') + 1;

    private sealed class JsonFault(long offset, string message) : Exception(message)
    {
        public long Offset { get; } = offset;
    }
}
