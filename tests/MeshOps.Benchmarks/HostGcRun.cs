using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace MeshOps.Benchmarks;

/// <summary>
/// Runs a scaling benchmark twice: in this process, whose GC is non-concurrent (the project's setting since the first
/// benchmark: every collection on the measured thread, so the least noise), and again in a child process under the GC
/// that pwsh runs the module with. pwsh's runtimeconfig leaves the GC at .NET's default, concurrent (LatencyMode
/// Interactive), whose first-generation budget is a few megabytes instead of up to 200 MB: the same work runs many
/// small collections, and an input that fits one budget in Batch mode does not there. A growth figure measured only in
/// Batch mode was a figure of a configuration no user runs; both are printed and both are judged.
/// </summary>
public static class HostGcRun
{
    // Set in the child so it does not start another.
    private const string ChildMarker = "MESHOPS_BENCH_HOST_GC_CHILD";

    public static int InProcessThenUnderHostGc(string[] args, Func<int> run)
    {
        var missed = run();
        if (Environment.GetEnvironmentVariable(ChildMarker) is not null || GCSettings.LatencyMode != GCLatencyMode.Batch)
        {
            return missed;
        }

        Console.WriteLine();
        Console.WriteLine("Again in a child process under pwsh's GC (DOTNET_gcConcurrent=1, LatencyMode Interactive):");
        Console.Out.Flush();
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(HostGcRun).Assembly.Location);
        }

        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcConcurrent"] = "1";
        // This process is pinned to one core by now, and a child inherits that: its runtime would set itself up for a
        // one-CPU machine (other allocation and GC settings), which this process, pinned after it started, is not.
        start.Environment["DOTNET_PROCESSOR_COUNT"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);
        start.Environment[ChildMarker] = "1";
        using var child = Process.Start(start)!;
        child.WaitForExit();
        if (child.ExitCode is < 0 or >= 128)
        {
            Console.Error.WriteLine($"The child process failed (exit code {child.ExitCode}); its figures are missing.");
            return missed + 1;
        }

        return missed + child.ExitCode;
    }
}
