using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MeshOps.Envoy.Stats;

/// <summary>
/// A Prometheus sample's labels in the order printed. One instance serves every sample with the same label text (all
/// the families of one cluster print the same <c>{envoy_cluster_name="…"}</c>), so a page of samples shares a few.
/// </summary>
internal sealed class EnvoyLabels : IReadOnlyDictionary<string, string>
{
    private readonly string[] _keys;
    private readonly string[] _values;

    public EnvoyLabels(string[] keys, string[] values)
    {
        _keys = keys;
        _values = values;
        var cluster = Array.IndexOf(keys, "envoy_cluster_name");
        Cluster = cluster >= 0 ? ConsulClusterName.Parse(values[cluster]) : null;
    }

    public ConsulClusterName? Cluster { get; }

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<string> Values => _values;

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => Array.IndexOf(_keys, key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var index = Array.IndexOf(_keys, key);
        value = index >= 0 ? _values[index] : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
            yield return new KeyValuePair<string, string>(_keys[i], _values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(",", this.Select(p => $"{p.Key}=\"{p.Value}\""));

    internal static bool AreEqual(EnvoyLabels? a, EnvoyLabels? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a._keys.SequenceEqual(b._keys) && a._values.SequenceEqual(b._values));
}
