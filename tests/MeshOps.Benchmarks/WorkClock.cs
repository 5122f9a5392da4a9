using System.Runtime;

namespace MeshOps.Benchmarks;

/// <summary>
/// The CPU time that counts a run's own work, its garbage collections included. With the non-concurrent GC this
/// project is built with (Batch), every collection runs on the allocating thread, so that thread's CPU time is the
/// measure and other threads' noise stays out. With background GC (Interactive: the default of pwsh and of .NET apps,
/// see <see cref="HostGcRun"/>) full collections run on the runtime's background GC thread, which a thread clock would
/// leave out: there the process's CPU time counts, every thread pinned to one core and the JIT settled first.
/// </summary>
public static class WorkClock
{
    // The server GC collects on its own threads even when non-concurrent.
    public static bool CountsWholeProcess { get; } =
        GCSettings.LatencyMode != GCLatencyMode.Batch || GCSettings.IsServerGC || !ThreadCpuTime.IsPerThread;

    public static double Milliseconds() =>
        CountsWholeProcess ? Environment.CpuUsage.TotalTime.TotalMilliseconds : ThreadCpuTime.Milliseconds();

    /// <summary>For a report's header: which clock, under which GC.</summary>
    public static string Describe(string thread) =>
        $"{(CountsWholeProcess ? "process CPU time" : $"CPU time of the {thread} thread")} under the "
        + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, {GCSettings.LatencyMode}"
        + (GCSettings.LatencyMode == GCLatencyMode.Batch ? " (non-concurrent)" : " (background GC, as in pwsh)");
}
