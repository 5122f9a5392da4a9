namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// One string per distinct mapping key within a load. Manifests repeat the same few hundred keys
/// (<c>name</c>, <c>metadata</c>, <c>containerPort</c>), and retained trees otherwise keep a copy of each.
/// </summary>
internal sealed class KeyPool
{
    // Bounded so that a file of unique keys (a huge ConfigMap) cannot grow the pool without limit.
    private const int MaxEntries = 4096;
    private readonly Dictionary<string, string> pool;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    public KeyPool()
    {
        pool = new(StringComparer.Ordinal);
        bySpan = pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Intern(string key)
    {
        if (pool.TryGetValue(key, out var shared))
            return shared;
        if (pool.Count < MaxEntries)
            pool.Add(key, key);
        return key;
    }

    /// <summary>The pooled string for a key read from the text: a key seen before is not copied out of the text again.</summary>
    public string Intern(ReadOnlySpan<char> key)
    {
        if (bySpan.TryGetValue(key, out var shared))
            return shared;
        var copy = key.ToString();
        if (pool.Count < MaxEntries)
            pool.Add(copy, copy);
        return copy;
    }
}
