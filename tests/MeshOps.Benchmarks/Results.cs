using System.Globalization;

namespace MeshOps.Benchmarks;

/// <summary>Mean (or median) times of one size, in milliseconds.</summary>
public sealed record SizeResult(int Services, int Resources, double ParseMs, double AnalyzeMs)
{
    public double ResourcesPerSecond => Resources / (AnalyzeMs / 1000.0);

    public double Ratio => AnalyzeMs / ParseMs;
}

/// <summary>Prints the figures, each against its target, from one run's measurements.</summary>
public static class ResultTable
{
    public const double MinResourcesPerSecond = 20_000;
    public const double MaxAnalyzeToParse = 1.5;
    public const double MaxGrowth = 2.2;

    /// <summary>Prints the table and returns the number of missed targets.</summary>
    public static int Print(IReadOnlyList<SizeResult> results, string method, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"MeshOps synthetic mesh — {method}");
        output.WriteLine($"Process affinity: {Affinity.Describe()}; {Environment.ProcessorCount} logical CPUs visible; .NET {Environment.Version}; {Affinity.LoadAverage()}");
        output.WriteLine();
        output.WriteLine(string.Format(inv, "{0,8} {1,10} {2,11} {3,13} {4,15} {5,15}", "Services", "Resources", "Parse ms", "Analyze ms", "Resources/s", "Analyze/Parse"));
        var missed = 0;
        foreach (var r in results.OrderBy(r => r.Services))
        {
            var rateOk = r.ResourcesPerSecond >= MinResourcesPerSecond;
            var ratioOk = r.Ratio <= MaxAnalyzeToParse;
            missed += (rateOk ? 0 : 1) + (ratioOk ? 0 : 1);
            output.WriteLine(string.Format(inv, "{0,8} {1,10:N0} {2,11:F1} {3,13:F1} {4,10:N0} {5,4} {6,10:F2} {7,4}",
                r.Services, r.Resources, r.ParseMs, r.AnalyzeMs, r.ResourcesPerSecond, Verdict(rateOk), r.Ratio, Verdict(ratioOk)));
        }

        output.WriteLine();
        output.WriteLine(string.Format(inv, "Targets: resources/s (full analysis, one core) >= {0:N0}; analyze/parse <= {1:F1}; growth 4000/2000 <= {2:F1}",
            MinResourcesPerSecond, MaxAnalyzeToParse, MaxGrowth));
        var big = results.FirstOrDefault(r => r.Services == 4000);
        var half = results.FirstOrDefault(r => r.Services == 2000);
        if (big is not null && half is not null)
        {
            var analyzeGrowth = big.AnalyzeMs / half.AnalyzeMs;
            var parseGrowth = big.ParseMs / half.ParseMs;
            var analyzeOk = analyzeGrowth <= MaxGrowth;
            missed += analyzeOk ? 0 : 1;
            output.WriteLine(string.Format(inv, "Growth analyze(4000)/analyze(2000) = {0:F2}  (target <= {1:F1}) {2}", analyzeGrowth, MaxGrowth, Verdict(analyzeOk)));
            // The baseline is YamlDotNet's, not MeshOps' code: its growth is shown for context, not judged.
            output.WriteLine(string.Format(inv, "Growth parse(4000)/parse(2000)     = {0:F2}  (baseline, for context)", parseGrowth));
            output.WriteLine(string.Format(inv, "(resources(4000)/resources(2000)   = {0:F2}, i.e. linear growth)", (double)big.Resources / half.Resources));
        }
        else
        {
            output.WriteLine("Growth 4000/2000: not measured (both sizes are needed).");
        }

        output.WriteLine();
        output.WriteLine(missed == 0 ? "All targets met." : $"{missed} target(s) missed.");
        return missed;
    }

    private static string Verdict(bool ok) => ok ? "PASS" : "MISS";
}
