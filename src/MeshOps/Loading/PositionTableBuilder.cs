using MeshOps.Loading.Yaml;

namespace MeshOps.Loading;

/// <summary>
/// Flattens a parsed object into a <see cref="PositionTable"/>. One instance per load call, reusing its buffers.
/// </summary>
internal sealed class PositionTableBuilder
{
    private readonly List<PositionTable.Slot> slots = [];

    // An aliased node appears many times in the tree but gets one run of slots, so an alias bomb
    // costs no more here than it did to parse (the parser already bounds the distinct nodes).
    private readonly Dictionary<ParsedNode, (int First, int Count)> sharedChildren = new(ReferenceEqualityComparer.Instance);

    public PositionTable Build(string file, ParsedMapping root, bool hasAliases)
    {
        slots.Clear();
        sharedChildren.Clear();
        slots.Add(default);
        var (first, count) = AddChildren(root, 0, hasAliases);
        slots[0] = new PositionTable.Slot(null, root.Line, root.Column, first, count);
        return new PositionTable(file, [.. slots]);
    }

    /// <summary>Children get consecutive slots first, then each child's own children after them (breadth first per node).</summary>
    /// <remarks>
    /// Chains of aliases can nest far deeper than the text does; below <see cref="YamlLimits.MaxDepth"/>, which no field
    /// path reaches, positions are not kept rather than risking the stack.
    /// </remarks>
    private (int First, int Count) AddChildren(ParsedNode node, int depth, bool hasAliases)
    {
        if (node is ParsedScalar || depth >= YamlLimits.MaxDepth)
            return (0, 0);
        if (hasAliases && sharedChildren.TryGetValue(node, out var seen))
            return seen;
        var first = slots.Count;
        int count;
        switch (node)
        {
            case ParsedMapping mapping:
                count = mapping.Entries.Length;
                foreach (var entry in mapping.Entries)
                    slots.Add(new PositionTable.Slot(entry.Key, entry.KeyLine, entry.KeyColumn, 0, 0));
                for (var i = 0; i < count; i++)
                    SetChildren(first + i, mapping.Entries[i].Value, depth + 1, hasAliases);
                break;
            case ParsedSequence sequence:
                count = sequence.Items.Length;
                foreach (var item in sequence.Items)
                    slots.Add(new PositionTable.Slot(null, item.Line, item.Column, 0, 0));
                for (var i = 0; i < count; i++)
                    SetChildren(first + i, sequence.Items[i], depth + 1, hasAliases);
                break;
            default:
                return (0, 0);
        }
        if (hasAliases)
            sharedChildren[node] = (first, count);
        return (first, count);
    }

    private void SetChildren(int slot, ParsedNode value, int depth, bool hasAliases)
    {
        var (first, count) = AddChildren(value, depth, hasAliases);
        if (count > 0)
            slots[slot] = slots[slot] with { FirstChild = first, ChildCount = count };
    }
}
