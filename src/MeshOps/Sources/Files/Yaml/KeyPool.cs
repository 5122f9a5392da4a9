namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// One string per distinct mapping key within a text (one file or input). Manifests repeat the same few hundred keys
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

    public string Intern(string key) => pool.TryGetValue(key, out var shared) ? shared : Add(key);

    /// <summary>The pooled string for a key read from the text: a key seen before is not copied out of the text again.</summary>
    public string Intern(ReadOnlySpan<char> key) => bySpan.TryGetValue(key, out var shared) ? shared : Add(key.ToString());

    private string Add(string key)
    {
        if (pool.Count < MaxEntries)
            pool.Add(key, key);
        return key;
    }
}
