namespace MeshOps.Sources.Files;

/// <summary>
/// Where each key and sequence item of one object was written, as one flat array: the YAML tree itself
/// (with every scalar's text) is dropped after loading, because keeping it alive for every resource made the
/// garbage collector's pauses the largest cost of a big load. A key segment points at where the key was written.
/// </summary>
internal sealed class PositionTable(string file, PositionTable.Slot[] slots, int root = 0) : IPositionIndex
{
    /// <summary>The positions of one item of a <c>kind: List</c> document, sharing this table's slots.</summary>
    public PositionTable ForListItem(string itemsKey, int index) =>
        new(file, slots, slots[FindKey(slots[root], itemsKey)].FirstChild + index);

    public SourceLocation? Find(IReadOnlyList<object> path)
    {
        var current = root;
        for (var i = 0; i < path.Count; i++)
        {
            var next = path[i] switch
            {
                string key => FindKey(slots[current], key),
                int index => FindItem(slots[current], index),
                _ => -1,
            };
            if (next < 0)
                return null;
            current = next;
        }
        return new SourceLocation(file, slots[current].Line, slots[current].Column);
    }

    /// <summary>Linear search, as over the tree it replaces: mappings in manifests are small.</summary>
    private int FindKey(Slot parent, string key)
    {
        var end = parent.FirstChild + parent.ChildCount;
        for (var i = parent.FirstChild; i < end; i++)
        {
            if (string.Equals(slots[i].Key, key, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }

    /// <summary>Sequence items have no key; this keeps an index from matching a mapping's entries.</summary>
    private int FindItem(Slot parent, int index)
    {
        if (index < 0 || index >= parent.ChildCount)
            return -1;
        var slot = parent.FirstChild + index;
        return slots[slot].Key is null ? slot : -1;
    }

    /// <summary>
    /// A mapping entry (with <see cref="Key"/>, positioned at the key) or a sequence item or the root (without).
    /// Children of the value are the contiguous slots from <see cref="FirstChild"/>; nodes shared through YAML
    /// aliases share one run of slots.
    /// </summary>
    internal readonly record struct Slot(string? Key, int Line, int Column, int FirstChild, int ChildCount);
}
