namespace MeshOps.Benchmarks;

/// <summary>A tiny PRNG whose sequence does not depend on the runtime version (System.Random's might).</summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public int Next(int maxExclusive)
    {
        _state += 0x9E3779B97F4A7C15UL;
        var z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)maxExclusive);
    }
}
