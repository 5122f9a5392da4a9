namespace MeshOps.Sources.Files.Yaml;

/// <summary>Finds a repeated key in a mapping, staying linear for huge mappings (a ConfigMap with thousands of keys).</summary>
internal struct KeySet
{
    private const int LinearLimit = 8;
    private Dictionary<string, int>? large;

    /// <summary>
    /// True when <paramref name="key"/> is new; <paramref name="index"/> is then where it will go (the end of
    /// <paramref name="existing"/>), otherwise where it already is.
    /// </summary>
    public bool TryAdd(string key, List<MappingEntry> existing, out int index)
    {
        if (large is not null)
        {
            if (large.TryGetValue(key, out index))
                return false;
            index = existing.Count;
            large.Add(key, index);
            return true;
        }
        for (var i = 0; i < existing.Count; i++)
        {
            if (string.Equals(existing[i].Key, key, StringComparison.Ordinal))
            {
                index = i;
                return false;
            }
        }
        index = existing.Count;
        if (existing.Count >= LinearLimit)
        {
            large = new Dictionary<string, int>(existing.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < existing.Count; i++)
                large.Add(existing[i].Key, i);
            large.Add(key, index);
        }
        return true;
    }
}
