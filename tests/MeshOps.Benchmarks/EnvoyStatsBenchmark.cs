using System.Diagnostics;
using System.Globalization;
using MeshOps.Envoy;
using MeshOps.Envoy.Stats;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--envoy-stats</c>: parses the synthetic 500,000-line <c>/stats</c> dump (2,000 upstream clusters) and the same
/// stats as Prometheus text. Per format: lines per second (median of 5 after 2 warm-ups, one core; wall-clock and the
/// parsing thread's CPU time, both printed and both judged), memory measured
/// in a fresh child process that only reads the file and parses it once (managed bytes allocated by the parse, bytes
/// still held after it, growth of the peak working set), and the idiomatic PowerShell baseline run with
/// <c>dotnet pwsh</c> in this run (<c>-split "`n"</c> then <c>-split ': '</c> into [pscustomobject]s; Prometheus
/// lines split at their last space). Targets: ≥ 2,000,000 lines/s, peak memory ≤ 2 × input, ≥ 50 × the baseline.
/// Exit code: the number of missed targets.
/// </summary>
internal static class EnvoyStatsBenchmark
{
    private const double LinesPerSecondTarget = 2_000_000;
    private const double MemoryFactorTarget = 2;
    private const double BaselineRatioTarget = 50;

    public static int Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("meshops-envoy-stats-");
        try
        {
            var inputs = new (string Name, EnvoyStatsFormat Format, string Path, string Separator)[]
            {
                ("/stats text", EnvoyStatsFormat.Text, Path.Combine(folder.FullName, "stats.txt"), ": "),
                ("Prometheus", EnvoyStatsFormat.Prometheus, Path.Combine(folder.FullName, "stats.prom"), " "),
            };
            File.WriteAllBytes(inputs[0].Path, EnvoyStatsDump.Text());
            File.WriteAllBytes(inputs[1].Path, EnvoyStatsDump.Prometheus());
            output.WriteLine($"Envoy stats parse: {EnvoyStatsDump.Clusters:N0} upstream clusters, {EnvoyStatsDump.Suffixes.Length} stats and 3 histograms each; one core.");
            var missed = 0;
            foreach (var (name, format, path, separator) in inputs)
            {
                var bytes = File.ReadAllBytes(path);
                var lines = bytes.AsSpan().Count((byte)'\n');
                var (seconds, cpuSeconds, count) = Time(bytes, format);
                var memory = Child(path, format);
                var baseline = Baseline(path, separator);
                var rate = lines / seconds;
                var peak = Math.Max(memory.Allocated, memory.PeakGrowth);
                var ratio = baseline is { } b ? rate / (b.Lines / b.Seconds) : double.NaN;
                output.WriteLine();
                output.WriteLine($"{name}: {lines:N0} lines, {bytes.Length / 1e6:F1} MB, {count:N0} statistics");
                var cpuRate = lines / cpuSeconds;
                output.WriteLine($"  parse wall-clock {seconds * 1000:F0} ms median  ->  {rate:N0} lines/s   (target >= {LinesPerSecondTarget:N0}) {Verdict(rate >= LinesPerSecondTarget, ref missed)}");
                output.WriteLine($"  parse CPU time   {cpuSeconds * 1000:F0} ms median  ->  {cpuRate:N0} lines/s   (same target, on the parsing thread's CPU time, GC included) {Verdict(cpuRate >= LinesPerSecondTarget, ref missed)}");
                output.WriteLine($"  memory           allocated by the parse {memory.Allocated / 1e6:F1} MB, held after it {memory.Retained / 1e6:F1} MB, peak working set growth {memory.PeakGrowth / 1e6:F1} MB");
                output.WriteLine($"                   peak = {peak / 1e6:F1} MB = {(double)peak / bytes.Length:F2} x input   (target <= {MemoryFactorTarget} x) {Verdict(peak <= MemoryFactorTarget * bytes.Length, ref missed)}");
                if (baseline is { } pwsh)
                {
                    output.WriteLine($"  PowerShell       {pwsh.Seconds:F1} s for {pwsh.Lines:N0} lines -> {pwsh.Lines / pwsh.Seconds:N0} lines/s");
                    output.WriteLine($"  ratio            {ratio:N0} x the baseline   (target >= {BaselineRatioTarget} x) {Verdict(ratio >= BaselineRatioTarget, ref missed)}");
                }
                else
                {
                    output.WriteLine($"  PowerShell       baseline did not run (see the error above)   MISSED");
                    missed++;
                }
            }

            return missed;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The child process: read the file, settle the heap, parse once, report what the parse cost.</summary>
    public static int RunChild(string path, string format, TextWriter output)
    {
        var bytes = File.ReadAllBytes(path);
        var source = EnvoySource.ForFile(path);
        var kind = Enum.Parse<EnvoyStatsFormat>(format);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var stats = EnvoyStatsParser.Parse(source, bytes, kind);
        var parseAllocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heap;
        process.Refresh();
        var peak = process.PeakWorkingSet64 - workingSet;
        GC.KeepAlive(stats);
        output.WriteLine(FormattableString.Invariant($"{parseAllocated} {retained} {Math.Max(0, peak)}"));
        return 0;
    }

    /// <summary>
    /// Median wall-clock and thread CPU time of 5 parses after 2 warm-ups. On a shared machine the wall-clock includes
    /// time the thread waited for a core; the CPU time (GC included: workstation GC runs on this thread) does not.
    /// </summary>
    private static (double Seconds, double CpuSeconds, int Count) Time(byte[] bytes, EnvoyStatsFormat format)
    {
        var source = EnvoySource.ForFile("bench");
        var count = 0;
        for (var i = 0; i < 2; i++)
            count = EnvoyStatsParser.Parse(source, bytes, format).Count;
        var times = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var cpuStart = ThreadCpuTime.Milliseconds();
            var watch = Stopwatch.StartNew();
            var stats = EnvoyStatsParser.Parse(source, bytes, format);
            watch.Stop();
            cpu.Add((ThreadCpuTime.Milliseconds() - cpuStart) / 1000);
            times.Add(watch.Elapsed.TotalSeconds);
            GC.KeepAlive(stats);
        }

        times.Sort();
        cpu.Sort();
        return (times[2], cpu[2], count);
    }

    private static (long Allocated, long Retained, long PeakGrowth) Child(string path, EnvoyStatsFormat format)
    {
        var self = typeof(EnvoyStatsBenchmark).Assembly.Location;
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(self);
        foreach (var argument in new[] { "--envoy-stats-child", path, format.ToString() })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        var line = child.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
        child.WaitForExit();
        var parts = line.Split(' ').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>The idiomatic PowerShell a user would write, timed inside pwsh around the split and the objects only.</summary>
    private static (long Lines, double Seconds)? Baseline(string path, string separator)
    {
        var script = Path.Combine(Path.GetDirectoryName(path)!, "baseline.ps1");
        File.WriteAllText(script, """
            param($Path, $Separator)
            $text = [IO.File]::ReadAllText($Path)
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $stats = foreach ($line in $text -split "`n") {
                if (-not $line -or $line.StartsWith('#')) { continue }
                $name, $value = if ($Separator -eq ' ') { $i = $line.LastIndexOf(' '); $line.Substring(0, $i), $line.Substring($i + 1) } else { $line -split $Separator, 2 }
                [pscustomobject]@{ Name = $name; Value = $value }
            }
            $watch.Stop()
            "$($stats.Count) $($watch.Elapsed.TotalSeconds.ToString([Globalization.CultureInfo]::InvariantCulture))"
            """);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", script, path, separator })
            start.ArgumentList.Add(argument);
        using var pwsh = Process.Start(start)!;
        var stdout = pwsh.StandardOutput.ReadToEnd();
        var stderr = pwsh.StandardError.ReadToEnd();
        pwsh.WaitForExit();
        var last = stdout.Trim().Split('\n')[^1].Split(' ');
        if (pwsh.ExitCode != 0 || last.Length != 2)
        {
            Console.Error.WriteLine($"dotnet pwsh baseline failed ({pwsh.ExitCode}): {stderr}{stdout}");
            return null;
        }

        return (long.Parse(last[0], CultureInfo.InvariantCulture), double.Parse(last[1], CultureInfo.InvariantCulture));
    }

    private static string Verdict(bool met, ref int missed)
    {
        if (!met)
            missed++;
        return met ? "met" : "MISSED";
    }
}
