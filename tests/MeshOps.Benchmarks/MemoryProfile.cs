using System.Diagnostics;
using System.Globalization;
using MeshOps.Analysis;
using MeshOps.Sources.Files.Yaml;
using MeshOps.Model;

namespace MeshOps.Benchmarks;

/// <summary>
/// Diagnostic only: how much each stage allocates, how much of it stays alive (which every gen0 GC must copy),
/// and the GC pause time it costs. Retained = GC.GetTotalMemory(forceFullCollection) before and after.
/// </summary>
public static class MemoryProfile
{
    public static void Run(IReadOnlyList<int> sizes, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        JitWarmup.Ensure();
        output.WriteLine();
        output.WriteLine("Memory per stage (MB allocated / MB retained / ms GC pause / ms wall)");
        foreach (var size in sizes)
        {
            var mesh = SyntheticMesh.Generate(size);
            // Warm up so the figures are not JIT allocations.
            MeshAnalyzer.Analyze(Pipeline.Load(mesh));
            new YamlDocumentReader(YamlLimits.MaxDepth, 1_000_000).Read(mesh.Yaml).Count();

            var (_, discardedLine) = Measure(() => new YamlDocumentReader(YamlLimits.MaxDepth, 1_000_000).Read(mesh.Yaml).Count());
            var (trees, treeLine) = Measure(() => new YamlDocumentReader(YamlLimits.MaxDepth, 1_000_000).Read(mesh.Yaml).ToList());
            var (set, loadLine) = Measure(() => Pipeline.Load(mesh));
            var (model, modelLine) = Measure(() => MeshModelBuilder.Build(set));
            var (report, analyzeLine) = Measure(() => MeshAnalyzer.Analyze(set));
            output.WriteLine(string.Format(inv, "{0,5} services, {1,6:N0} objects", size, set.Resources.Count));
            output.WriteLine($"    YAML trees, each dropped when read   {discardedLine}");
            output.WriteLine($"    YAML trees only (YamlDocumentReader) {treeLine}");
            output.WriteLine($"    LoadText (trees + typed models)      {loadLine}");
            output.WriteLine($"    MeshModelBuilder.Build               {modelLine}");
            output.WriteLine($"    MeshAnalyzer.Analyze (model + rules) {analyzeLine}");
            GC.KeepAlive(trees);
            GC.KeepAlive(model);
            GC.KeepAlive(report);
        }
    }

    private static (T Result, string Line) Measure<T>(Func<T> work)
    {
        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed.TotalMilliseconds;
        var pause = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;
        GC.KeepAlive(result);
        return (result, string.Format(CultureInfo.InvariantCulture, "{0,7:F1} / {1,7:F1} / {2,6:F0} / {3,6:F0}",
            allocated / 1048576.0, retained / 1048576.0, pause, wall));
    }
}
