using System.Buffers.Text;
using System.Text;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// The label sets of one Prometheus page, one <see cref="EnvoyLabels"/> per distinct text: every family of a cluster
/// prints the same <c>{envoy_cluster_name="…",consul_…}</c>. A histogram's <c>le</c> and a summary's <c>quantile</c>
/// are taken out, so its buckets share the set of its sum and count.
/// </summary>
internal sealed class PrometheusLabelSets
{
    private readonly StatNameTable _names;
    private readonly Dictionary<byte[], EnvoyLabels> _sets = new(Utf8KeyComparer.Instance);
    private readonly Dictionary<byte[], EnvoyLabels>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private byte[] _key = new byte[1024];

    public PrometheusLabelSets(StatNameTable names)
    {
        _names = names;
        _lookup = _sets.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The label set of a counter's or gauge's sample: its text is the key as printed, read once.</summary>
    public EnvoyLabels? Plain(ReadOnlySpan<byte> text, EnvoySource source, int number) =>
        text.IsEmpty ? null : Lookup(text) ?? WithBounds(text, out _, out _, source, number);

    /// <summary>The label set of a histogram's or summary's sample, without its <c>le</c> or <c>quantile</c>, which come back apart.</summary>
    public EnvoyLabels? WithBounds(ReadOnlySpan<byte> text, out double? le, out double? quantile, EnvoySource source, int number)
    {
        le = null;
        quantile = null;
        if (text.IsEmpty)
            return null;
        if (_key.Length < text.Length)
            _key = new byte[text.Length * 2];
        var keyLength = 0;
        var rest = text;
        while (!rest.IsEmpty)
        {
            var equals = rest.IndexOf((byte)'=');
            if (equals <= 0 || equals + 1 >= rest.Length || rest[equals + 1] != (byte)'"')
                throw new EnvoyFormatException(source, PrometheusReader.Output, number, "a label that is not name=\"value\"");
            var close = ClosingQuote(rest, equals + 2);
            if (close < 0)
                throw new EnvoyFormatException(source, PrometheusReader.Output, number, "a label value without its closing quote");
            var name = rest[..equals];
            var pair = rest[..(close + 1)];
            if (name.SequenceEqual("le"u8) || name.SequenceEqual("quantile"u8))
            {
                var value = rest[(equals + 2)..close];
                var parsed = Bound(value) ?? throw new EnvoyFormatException(source, PrometheusReader.Output, number, $"the {Encoding.UTF8.GetString(name)} label is not a number");
                if (name[0] == (byte)'l')
                    le = parsed;
                else
                    quantile = parsed;
            }
            else
            {
                if (keyLength > 0)
                    _key[keyLength++] = (byte)',';
                pair.CopyTo(_key.AsSpan(keyLength));
                keyLength += pair.Length;
            }

            rest = rest[(close + 1)..];
            if (!rest.IsEmpty && rest[0] == (byte)',')
                rest = rest[1..];
        }

        if (keyLength == 0)
            return null;
        var key = _key.AsSpan(0, keyLength);
        if (Lookup(key) is { } known)
            return known;
        var created = Create(key);
        _sets[key.ToArray()] = created;
        return created;
    }

    private EnvoyLabels? Lookup(ReadOnlySpan<byte> text) => _lookup.TryGetValue(text, out var known) ? known : null;

    private EnvoyLabels Create(ReadOnlySpan<byte> text)
    {
        var keys = new List<string>();
        var values = new List<string>();
        while (!text.IsEmpty)
        {
            var equals = text.IndexOf((byte)'=');
            var close = ClosingQuote(text, equals + 2);
            keys.Add(_names.Intern(text[..equals]));
            values.Add(Unescape(text[(equals + 2)..close]));
            text = text[(close + 1)..];
            if (!text.IsEmpty && text[0] == (byte)',')
                text = text[1..];
        }

        return new EnvoyLabels([.. keys], [.. values]);
    }

    private string Unescape(ReadOnlySpan<byte> value)
    {
        if (value.IndexOf((byte)'\\') < 0)
            return _names.Intern(value);
        var text = new StringBuilder(value.Length);
        var raw = Encoding.UTF8.GetString(value);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && i + 1 < raw.Length)
            {
                i++;
                text.Append(raw[i] == 'n' ? '\n' : raw[i]);
            }
            else
            {
                text.Append(raw[i]);
            }
        }

        return text.ToString();
    }

    private static int ClosingQuote(ReadOnlySpan<byte> text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == (byte)'\\')
                i++;
            else if (text[i] == (byte)'"')
                return i;
        }

        return -1;
    }

    private static double? Bound(ReadOnlySpan<byte> value)
    {
        if (Utf8Parser.TryParse(value, out double parsed, out var consumed) && consumed == value.Length)
            return parsed;
        if (value.SequenceEqual("+Inf"u8) || value.SequenceEqual("Inf"u8))
            return double.PositiveInfinity;
        return value.SequenceEqual("-Inf"u8) ? double.NegativeInfinity : null;
    }
}
