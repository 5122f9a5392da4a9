namespace MeshOps.Discovery;

/// <summary>
/// Where in a list each endpoint target (<see cref="EndpointTargetComparer"/>) first appeared. An open-addressing table
/// of positions, with each position's hash kept beside the list in position order: a <see cref="Dictionary{TKey,TValue}"/>
/// probes a bucket array and then an entry array, two places in memory, and once a value names 100,000 targets
/// (issue 10) neither fits the processor's caches, so each probe was two cache misses and de-duplication grew faster
/// than the value. Here a probe that meets an empty slot reads one int, and a resize re-places the stored hashes without
/// reading an endpoint again.
/// </summary>
/// <remarks>
/// Slots are four bytes, not eight with the hash inside: at 200,000 targets an eight-byte table was a 4 MB array the
/// system had to fault in page by page on every scan, which the 100,000-target scan, half that size, did not
/// (issue 10: the growth ratio at the last doubling). Positions are the list's, added in order from 0.
/// </remarks>
internal sealed class EndpointIndex
{
    private const int InitialSlots = 16;

    // Position + 1 (0 = empty). At most half full, so runs stay short.
    private int[] slots = new int[InitialSlots];

    // The hash of the target at each position.
    private int[] hashes = new int[InitialSlots / 2];
    private int count;

    /// <summary>
    /// The position of the endpoint's target in <paramref name="endpoints"/>, or -1 after recording it at
    /// <paramref name="position"/> (the number of targets recorded so far) when the target is new.
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
                // Grow re-places positions 0..count-1 from their hashes, so they must come in that order.
                System.Diagnostics.Debug.Assert(position == count, "Targets are recorded at positions 0, 1, 2, ... in order.");
                slots[i] = position + 1;
                if (position >= hashes.Length)
                {
                    Array.Resize(ref hashes, Math.Max(hashes.Length * 2, position + 1));
                }

                hashes[position] = hash;
                if (++count * 2 > slots.Length)
                {
                    Grow(slots.Length * 2);
                }

                return -1;
            }

            var found = slot - 1;
            if (hashes[found] == hash && EndpointTargetComparer.Instance.Equals(endpoints[found], endpoint))
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

        if (count + more > hashes.Length)
        {
            Array.Resize(ref hashes, Math.Max(hashes.Length * 2, count + more));
        }
    }

    private void Grow(int size)
    {
        slots = new int[size];
        var mask = size - 1;
        for (var position = 0; position < count; position++)
        {
            var i = hashes[position] & mask;
            while (slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            slots[i] = position + 1;
        }
    }
}
