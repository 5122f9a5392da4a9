namespace MeshOps.Discovery;

/// <summary>
/// Where in a list each endpoint target (<see cref="EndpointTargetComparer"/>) first appeared. An open-addressing table
/// of (hash, position) pairs in one array: a <see cref="Dictionary{TKey,TValue}"/> probes a bucket array and then an
/// entry array, two places in memory, and once a value names 100,000 targets (issue 10) neither fits the processor's
/// caches, so each probe was two cache misses and de-duplication grew faster than the value. Here a probe reads one
/// slot and its neighbours, and a resize re-places the stored hashes without reading an endpoint again.
/// </summary>
internal sealed class EndpointIndex
{
    private const int InitialSlots = 16;

    // Slot: hash in the high 32 bits, position + 1 in the low 32 (0 = empty). At most half full, so runs stay short.
    private long[] slots = new long[InitialSlots];
    private int count;

    /// <summary>
    /// The position of the endpoint's target in <paramref name="endpoints"/>, or -1 after recording it at
    /// <paramref name="position"/> when the target is new.
    /// </summary>
    public int FindOrAdd(DiscoveredEndpoint endpoint, IReadOnlyList<DiscoveredEndpoint> endpoints, int position)
    {
        var hash = EndpointTargetComparer.Instance.GetHashCode(endpoint);
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = ((long)hash << 32) | (uint)(position + 1);
                if (++count * 2 > slots.Length)
                {
                    Grow(slots.Length * 2);
                }

                return -1;
            }

            var found = (int)(uint)slot - 1;
            if ((int)(slot >> 32) == hash && EndpointTargetComparer.Instance.Equals(endpoints[found], endpoint))
            {
                return found;
            }
        }
    }

    /// <summary>Room for <paramref name="more"/> new targets without growing on the way.</summary>
    public void EnsureRoomFor(int more)
    {
        var needed = slots.Length;
        while ((count + more) * 2 > needed)
        {
            needed *= 2;
        }

        if (needed != slots.Length)
        {
            Grow(needed);
        }
    }

    private void Grow(int size)
    {
        var old = slots;
        slots = new long[size];
        var mask = size - 1;
        foreach (var slot in old)
        {
            if (slot != 0)
            {
                var i = (int)(slot >> 32) & mask;
                while (slots[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                slots[i] = slot;
            }
        }
    }
}
