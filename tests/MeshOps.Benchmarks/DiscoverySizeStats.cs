namespace MeshOps.Benchmarks;

/// <summary>The runs of one value size reduced to the figures the report prints.</summary>
internal sealed record DiscoverySizeStats(int Lines, int Chars, int Endpoints, DiscoverySample Fastest, DiscoverySample Median, double Spread, double BytesPerLine, double MinFloor)
{
    public double MinCpu => Fastest.Cpu;

    public static DiscoverySizeStats Of(int lines, int chars, int endpoints, IReadOnlyList<DiscoverySample> samples, IReadOnlyList<double> floors)
    {
        var byCpu = samples.OrderBy(sample => sample.Cpu).ToArray();
        var median = byCpu[byCpu.Length / 2];
        var spread = (byCpu[^1].Cpu - byCpu[0].Cpu) / median.Cpu;

        // The least of the runs: allocation does not vary between runs, but the first run of a size may also allocate
        // what the runtime sets up lazily (a regex's runner, a dictionary's buckets), which is not the scan's own cost.
        var bytesPerLine = samples.Min(sample => sample.AllocatedBytes) / (double)lines;
        return new DiscoverySizeStats(lines, chars, endpoints, byCpu[0], median, spread, bytesPerLine, floors.Min());
    }
}
