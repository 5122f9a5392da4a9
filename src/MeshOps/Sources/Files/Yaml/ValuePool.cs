namespace MeshOps.Sources.Files.Yaml;

/// <summary>
/// One string for a short scalar value written again and again within a load, by either YAML reader: manifests repeat
/// their values (<c>apps/v1</c>, <c>TCP</c>, <c>"true"</c>, a service's name in its labels, selector, ServiceAccount
/// and intentions), and every copy stayed alive in the typed model for the whole command. At 4,000 services that model was
/// 28 MB, which each garbage collection during analysis and tracing had to copy (issue 13).
/// </summary>
/// <remarks>
/// A fixed table of recent values indexed by a hash of the text, not a dictionary: a value not found takes its slot
/// from whatever held it, so the pool's memory stays the same whatever the input (a ConfigMap of a million distinct
/// values only misses), and a lookup is one probe. Long values are rarely repeated and are not pooled.
/// </remarks>
internal sealed class ValuePool
{
    private const int Slots = 4096;
    private const int LongestPooled = 64;

    private readonly string?[] slots = new string?[Slots];

    public string Get(string text, int start, int length)
    {
        if (length == 0)
            return string.Empty;
        if (length > LongestPooled)
            return text.Substring(start, length);
        var value = text.AsSpan(start, length);
        ref var slot = ref SlotOf(value);
        return slot is not null && value.SequenceEqual(slot) ? slot : slot = value.ToString();
    }

    /// <summary>The pooled string equal to <paramref name="value"/>, for a value YamlDotNet has already made a string of.</summary>
    public string Get(string value)
    {
        if (value.Length is 0 or > LongestPooled)
            return value;
        ref var slot = ref SlotOf(value);
        return slot is not null && value.AsSpan().SequenceEqual(slot) ? slot : slot = value;
    }

    private ref string? SlotOf(ReadOnlySpan<char> value) => ref slots[string.GetHashCode(value) & (Slots - 1)];
}
