namespace MeshOps.Sources.Files.Yaml;

/// <summary>Duplicate-key detection that stays linear for huge mappings (a ConfigMap with thousands of keys).</summary>
internal struct KeySet
{
    private const int LinearLimit = 8;
    private HashSet<string>? large;

    public bool Add(string key, List<MappingEntry> existing)
    {
        if (large is not null)
            return large.Add(key);
        for (var i = 0; i < existing.Count; i++)
        {
            if (string.Equals(existing[i].Key, key, StringComparison.Ordinal))
                return false;
        }
        if (existing.Count >= LinearLimit)
        {
            large = new HashSet<string>(existing.Count * 2, StringComparer.Ordinal);
            foreach (var entry in existing)
                large.Add(entry.Key);
            large.Add(key);
        }
        return true;
    }
}
