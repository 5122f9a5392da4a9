using System.Runtime.InteropServices;

namespace MeshOps.Collections;

/// <summary>Dictionaries of lists: the indexes that map a key to every position or name found under it.</summary>
internal static class ListsByKey
{
    /// <summary>Appends <paramref name="value"/> to the list under <paramref name="key"/>, starting the list on first use.</summary>
    public static void Append<TKey, TValue>(this Dictionary<TKey, List<TValue>> lists, TKey key, TValue value)
        where TKey : notnull
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(lists, key, out _);
        (list ??= []).Add(value);
    }
}
