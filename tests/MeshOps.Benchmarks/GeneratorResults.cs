using System.Globalization;

namespace MeshOps.Benchmarks;

/// <summary>Mean (or median) times of one size of the typed-mesh generator benchmark, in milliseconds.</summary>
public sealed record GeneratorSizeResult(
    int Services,
    double ParseMs,
    double CompileMs,
    double FirstRunMs,
    double CachedRunMs,
    double AnalyzerMs,
    double AnalyzerOwnMs)
{
    public double CachedToFirst => CachedRunMs / FirstRunMs;

    public double FirstToCompile => FirstRunMs / CompileMs;
}

/// <summary>Prints the generator figures of one run, each target marked PASS or MISS.</summary>
public static class GeneratorResultTable
{
    /// <summary>The targets apply at this size; smaller sizes are shown for how the cost grows.</summary>
    public const int TargetSize = 1000;
    public const double MaxFirstRunMs = 300;
    public const double MaxCachedToFirst = 0.10;

    /// <summary>Prints the table and returns the number of missed targets.</summary>
    public static int Print(IReadOnlyList<GeneratorSizeResult> results, string method, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"MeshOps typed-mesh generator — {method}");
        output.WriteLine($"Process affinity: {Affinity.Describe()}; {Environment.ProcessorCount} logical CPUs visible; .NET {Environment.Version}; {Affinity.LoadAverage()}");
        output.WriteLine();
        output.WriteLine(string.Format(inv, "{0,8} {1,9} {2,11} {3,13} {4,10} {5,12} {6,14} {7,12} {8,13}",
            "Services", "Parse ms", "Compile ms", "First run ms", "/Compile", "Cached ms", "Cached/First", "Analyzer ms", "(own ms)"));
        var missed = 0;
        foreach (var r in results.OrderBy(r => r.Services))
        {
            var judged = r.Services == TargetSize;
            var firstOk = r.FirstRunMs <= MaxFirstRunMs;
            var cachedOk = r.CachedToFirst <= MaxCachedToFirst;
            if (judged)
            {
                missed += (firstOk ? 0 : 1) + (cachedOk ? 0 : 1);
            }

            output.WriteLine(string.Format(inv, "{0,8} {1,9:F1} {2,11:F1} {3,8:F1} {4,4} {5,10:F2} {6,12:F2} {7,9:P1} {8,4} {9,12:F1} {10,13:F1}",
                r.Services, r.ParseMs, r.CompileMs, r.FirstRunMs, judged ? Verdict(firstOk) : "", r.FirstToCompile,
                r.CachedRunMs, r.CachedToFirst, judged ? Verdict(cachedOk) : "", r.AnalyzerMs, r.AnalyzerOwnMs));
        }

        output.WriteLine();
        output.WriteLine(string.Format(inv, "Targets at {0:N0} services: first run <= {1:F0} ms; cached run (after an unrelated edit) <= {2:P0} of the first run.",
            TargetSize, MaxFirstRunMs, MaxCachedToFirst));
        output.WriteLine("Baselines of the same run, for context: Parse = parsing the sources; Compile = GetDiagnostics of a fresh compilation of");
        output.WriteLine("sources + generated file (declaration and method-body binding, no emit). Analyzer = MeshDeclarationAnalyzer through");
        output.WriteLine("CompilationWithAnalyzers on a fresh compilation, binding included; (own) = its callbacks alone, from analyzer telemetry.");
        if (!results.Any(r => r.Services == TargetSize))
        {
            output.WriteLine($"Targets: not measured ({TargetSize:N0} services is needed).");
        }

        output.WriteLine();
        output.WriteLine(missed == 0 ? "All targets met." : $"{missed} target(s) missed.");
        return missed;
    }

    private static string Verdict(bool ok) => ok ? "PASS" : "MISS";
}
