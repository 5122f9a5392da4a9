using System.Diagnostics;

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
            }
            catch (Exception error) when (error is System.ComponentModel.Win32Exception or PlatformNotSupportedException)
            {
                Console.Error.WriteLine($"warning: cannot pin to one core ({error.Message}); figures are not per core.");
            }
        }
    }

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
