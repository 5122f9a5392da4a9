using System.Diagnostics;
using System.Globalization;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Analysis.Rules;

namespace MeshOps.Benchmarks;

/// <summary>
/// Diagnostic only: times the steps of <see cref="MeshAnalyzer.Analyze"/> one by one (load, model build, each rule,
/// suppressions and sorting), by re-running the same public and internal steps with a stopwatch around each.
/// Kept in the benchmark project so src carries no timing hook.
/// </summary>
public static class Breakdown
{
    public const int Runs = 3;

    /// <summary>Rows that give the GC pause inside the step above them (shown when at least 1 ms somewhere).</summary>
    private const string PausePrefix = "  GC pause in ";

    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var columns = new List<Dictionary<string, double>>();
        JitWarmup.Ensure();
        foreach (var size in sizes)
        {
            var mesh = SyntheticMesh.Generate(size);
            Once(mesh);
            var runs = Enumerable.Range(0, Runs).Select(_ => Once(mesh)).ToList();
            columns.Add(runs[0].Keys.ToDictionary(k => k, k => QuickRunner.Median(runs.Select(r => r[k]))));
        }

        output.WriteLine();
        output.WriteLine($"Breakdown of Analyze (median of {Runs} runs, ms; one core)");
        output.WriteLine(string.Format(inv, "{0,-56}", "step") + string.Concat(sizes.Select(s => string.Format(inv, "{0,10}", s))));
        foreach (var step in columns[0].Keys.Where(k => !k.StartsWith(PausePrefix, StringComparison.Ordinal) || columns.Any(c => c[k] >= 1.0)))
        {
            output.WriteLine(string.Format(inv, "{0,-56}", step) + string.Concat(columns.Select(c => string.Format(inv, "{0,10:F1}", c[step]))));
        }

        if (sizes.Contains(2000) && sizes.Contains(4000))
        {
            output.WriteLine();
            output.WriteLine("Growth 4000/2000 per step (2.0 = linear):");
            var a = columns[sizes.ToList().IndexOf(2000)];
            var b = columns[sizes.ToList().IndexOf(4000)];
            foreach (var step in a.Keys.Where(k => a[k] >= 1.0 && !k.StartsWith(PausePrefix, StringComparison.Ordinal)))
            {
                output.WriteLine(string.Format(inv, "  {0,-54} {1,6:F2}", step, b[step] / a[step]));
            }
        }
    }

    private static Dictionary<string, double> Once(SyntheticMesh mesh)
    {
        var times = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var manifests = Measure(times, "load (ManifestLoader.LoadText)", () => Pipeline.Load(mesh));
        var model = Measure(times, "model (MeshModelBuilder.Build)", () => MeshModelBuilder.Build(manifests));
        var context = new RuleContext(model.Settings);
        var suppressions = Measure(times, "suppressions index", () => new Suppressions(model));
        var hits = new List<RuleHit>();
        foreach (var rule in RuleSet.All)
        {
            hits.AddRange(Measure(times, $"rule {rule.Descriptor.Id} {rule.GetType().Name}", () => rule.Check(model, context).ToList()));
        }

        Measure(times, "filter, findings, sort", () => hits
            .Where(hit => !suppressions.Suppresses(hit.Subject, hit.Rule.Id))
            .Select(MeshAnalyzer.ToFinding)
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList());
        times["total"] = total.Elapsed.TotalMilliseconds;
        times["  GC pause in all steps"] = times.Where(p => p.Key.StartsWith(PausePrefix, StringComparison.Ordinal)).Sum(p => p.Value);
        times["total minus load"] = times["total"] - times["load (ManifestLoader.LoadText)"];
        return times;
    }

    private static T Measure<T>(Dictionary<string, double> times, string step, Func<T> work)
    {
        var pause = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var result = work();
        times[step] = clock.Elapsed.TotalMilliseconds;
        times[PausePrefix + step] = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        return result;
    }
}
