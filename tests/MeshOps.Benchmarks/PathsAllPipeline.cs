using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Paths;

namespace MeshOps.Benchmarks;

/// <summary>
/// What <c>Test-MeshPath -All -Path</c> does in the SDK, in the cmdlet's order (TestMeshPathCommand.Trace and TraceAll):
/// load, analyse, build the model, build the graph, trace every edge once per port. The baseline is the load and
/// analysis alone, which is Test-MeshConfig's work on the same text.
/// </summary>
public static class PathsAllPipeline
{
    /// <summary>Test-MeshConfig's work: returns the finding count so nothing large stays alive between runs.</summary>
    public static int Baseline(SyntheticMesh mesh) => MeshAnalyzer.Analyze(Pipeline.Load(mesh)).Findings.Count;

    /// <summary>The whole of -All; <paramref name="stages"/> receives the CPU ms, GC pause ms and MB allocated of each stage, in order.</summary>
    public static AllResult All(SyntheticMesh mesh, Action<string, double, double, double>? stages = null)
    {
        var clock = new StageClock(stages);
        var manifests = Pipeline.Load(mesh);
        clock.Lap("load");
        var (analysis, model) = MeshAnalyzer.AnalyzeWithModel(manifests);
        clock.Lap("analyse (model kept)");
        var requests = MeshGraphBuilder.Build(model, analysis).PathRequests();
        clock.Lap("graph");
        // Each result is handed on as it is traced, as the cmdlet writes it to the pipeline (what a consumer keeps is
        // its own choice: the host formats and drops them).
        var passed = 0;
        foreach (var report in PathTracer.TraceEach(model, analysis, requests))
        {
            passed += report.Passed ? 1 : 0;
        }

        clock.Lap("trace");
        return new AllResult(requests.Count, passed);
    }

    /// <summary>Edges traced (one per edge and port, as the cmdlet writes results) and how many of them pass.</summary>
    public readonly record struct AllResult(int Traced, int Passed);

    /// <summary>CPU time per stage and, beside it, the GC pause within it and what it allocated: a bigger live heap makes each full collection dearer.</summary>
    private sealed class StageClock(Action<string, double, double, double>? report)
    {
        private double _last = report is null ? 0 : WorkClock.Milliseconds();
        private TimeSpan _lastPause = GC.GetTotalPauseDuration();
        private long _lastAllocated = GC.GetAllocatedBytesForCurrentThread();

        public void Lap(string stage)
        {
            if (report is null)
            {
                return;
            }

            var now = WorkClock.Milliseconds();
            var pause = GC.GetTotalPauseDuration();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            report(stage, now - _last, (pause - _lastPause).TotalMilliseconds, (allocated - _lastAllocated) / 1024.0 / 1024.0);
            (_last, _lastPause, _lastAllocated) = (now, pause, allocated);
        }
    }
}
