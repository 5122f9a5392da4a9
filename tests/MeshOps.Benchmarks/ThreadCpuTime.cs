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

    /// <summary>
    /// The calling thread's kernel time (ms) and minor page faults so far: memory the process takes from the system is
    /// faulted in page by page on first touch, in kernel time that the thread's CPU time includes. Zeros where
    /// getrusage(RUSAGE_THREAD) is missing.
    /// </summary>
    public static (double SystemMilliseconds, long PageFaults) KernelUsage()
    {
        if (IsPerThread && GetRusage(RusageThread, out var usage) == 0)
        {
            return ((usage.SystemSeconds * 1e3) + (usage.SystemMicroseconds / 1e3), usage.MinorFaults);
        }

        return (0, 0);
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

    private const int RusageThread = 1;

    // struct rusage on 64-bit Linux: two timevals, then fourteen longs of which the fifth is ru_minflt.
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentSet;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlockInputs;
        public long BlockOutputs;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetRusage(int who, out Rusage usage);

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
