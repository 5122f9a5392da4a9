using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MeshOps.Benchmarks;

/// <summary>Pins the process to one core, so "resources per second" means per core.</summary>
public static class Affinity
{
    public static readonly IntPtr OneCore = 1;

    public static void PinToOneCore()
    {
        if (OperatingSystem.IsWindows() || OperatingSystem.IsLinux())
        {
            try
            {
                Process.GetCurrentProcess().ProcessorAffinity = OneCore;
                if (OperatingSystem.IsLinux())
                {
                    PinEveryThreadOnLinux();
                }
            }
            catch (Exception error) when (error is System.ComponentModel.Win32Exception or PlatformNotSupportedException)
            {
                Console.Error.WriteLine($"warning: cannot pin to one core ({error.Message}); figures are not per core.");
            }
        }
    }

    /// <summary>
    /// On Linux, Process.ProcessorAffinity calls sched_setaffinity on the main thread only: the runtime's threads that
    /// already exist (tiered JIT worker, finalizer, EventPipe) stayed on every core, so background JIT ran beside the
    /// measured code and process CPU time could exceed wall time. Pins each of them; threads created later inherit it.
    /// </summary>
    private static void PinEveryThreadOnLinux()
    {
        ulong mask = (ulong)OneCore;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), out var threadId) && SchedSetAffinity(threadId, sizeof(ulong), ref mask) != 0)
            {
                Console.Error.WriteLine($"warning: cannot pin thread {threadId} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static extern int SchedSetAffinity(int threadId, nint maskSize, ref ulong mask);

    public static string Describe() =>
        OperatingSystem.IsWindows() || OperatingSystem.IsLinux()
            ? $"mask 0x{Process.GetCurrentProcess().ProcessorAffinity:X}"
            : "not set (unsupported on this OS)";

    /// <summary>On a shared machine the figures only mean something next to how busy it was.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "load average n/a";
        }
        catch (IOException)
        {
            return "load average n/a";
        }
    }
}
