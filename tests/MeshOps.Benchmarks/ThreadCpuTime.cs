using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MeshOps.Benchmarks;

/// <summary>
/// CPU time of the calling thread. Other engineers build on the same cores, so wall-clock time counts their work too;
/// process CPU time counts the runtime's other threads (tiered JIT, finalizer). Discovery runs on one thread and the
/// benchmark's GC is non-concurrent, so its collections run on this thread and are counted here as well.
/// </summary>
public static class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsPerThread { get; } = OperatingSystem.IsLinux() && Probe();

    public static double Milliseconds()
    {
        if (IsPerThread && ClockGetTime(ClockThreadCpuTimeId, out var time) == 0)
        {
            return (time.Seconds * 1e3) + (time.Nanoseconds / 1e6);
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
    }

    private static bool Probe()
    {
        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
