using MeshOps.Sources.Files.Yaml;

namespace MeshOps.Sources.Files;

/// <summary>
/// Flattens a parsed object into a <see cref="PositionTable"/>. One instance per load call, reusing its buffers.
/// </summary>
internal sealed class PositionTableBuilder
{
    private PositionTable.Slot[] slots = new PositionTable.Slot[256];
    private int count;

    // An aliased node appears many times in the tree but gets one run of slots, so an alias bomb
    // costs no more here than it did to parse (the parser already bounds the distinct nodes).
    private readonly Dictionary<ParsedNode, (int First, int Count)> sharedChildren = new(ReferenceEqualityComparer.Instance);

    public PositionTable Build(string file, ParsedMapping root, bool hasAliases)
    {
        count = 1;
        sharedChildren.Clear();
        var (first, children) = AddChildren(root, 0, hasAliases);
        slots[0] = new PositionTable.Slot(null, root.Line, root.Column, first, children);
        return new PositionTable(file, slots.AsSpan(0, count).ToArray());
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
        var first = count;
        int added;
        switch (node)
        {
            case ParsedMapping mapping:
                var entries = mapping.Entries;
                added = Reserve(entries.Length);
                for (var i = 0; i < added; i++)
                    slots[first + i] = new PositionTable.Slot(entries[i].Key, entries[i].KeyLine, entries[i].KeyColumn, 0, 0);
                for (var i = 0; i < added; i++)
                    SetChildren(first + i, entries[i].Value, depth + 1, hasAliases);
                break;
            case ParsedSequence sequence:
                var items = sequence.Items;
                added = Reserve(items.Length);
                for (var i = 0; i < added; i++)
                    slots[first + i] = new PositionTable.Slot(null, items[i].Line, items[i].Column, 0, 0);
                for (var i = 0; i < added; i++)
                    SetChildren(first + i, items[i], depth + 1, hasAliases);
                break;
            default:
                return (0, 0);
        }
        if (hasAliases)
            sharedChildren[node] = (first, added);
        return (first, added);
    }

    private void SetChildren(int slot, ParsedNode value, int depth, bool hasAliases)
    {
        var (first, children) = AddChildren(value, depth, hasAliases);
        if (children > 0)
            slots[slot] = slots[slot] with { FirstChild = first, ChildCount = children };
    }

    private int Reserve(int added)
    {
        if (count + added > slots.Length)
            Array.Resize(ref slots, Math.Max(slots.Length * 2, count + added));
        count += added;
        return added;
    }
}
