using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;

namespace MeshOps.Benchmarks;

/// <summary>One statistic per (benchmark method, Services) from a BenchmarkDotNet Summary, in milliseconds.</summary>
public static class SummaryTimes
{
    public static Dictionary<(string Method, int Services), double> Milliseconds(Summary summary, Func<Statistics, double> statistic) =>
        summary.Reports
            .Where(r => r.ResultStatistics is not null)
            .ToDictionary(
                r => (r.BenchmarkCase.Descriptor.WorkloadMethod.Name, (int)r.BenchmarkCase.Parameters["Services"]),
                r => statistic(r.ResultStatistics!) / 1_000_000.0);
}
