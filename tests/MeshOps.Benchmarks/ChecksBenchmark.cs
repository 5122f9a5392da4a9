using System.Globalization;
using System.Text.Json;

namespace MeshOps.Benchmarks;

/// <summary>
/// <c>--checks</c>: the ops-check workflow of issue 15 on the synthetic mesh of 1,000 services, offline, in one fresh
/// <c>dotnet pwsh -NoProfile</c> session with the built module (artifacts/MeshOps): <c>New-MeshCheckSuite</c> writes the
/// suite, <c>Invoke-MeshCheck</c> runs it. Target: the generated suite runs in at most 60 s. Beside it, as the
/// denominator of its ratio, one <c>Test-MeshConfig -Path</c> of the same mesh in the same session (after an untimed
/// one, so neither pays the JIT alone). Not pinned (a CI job's session is not); wall-clock Stopwatch times in the session.
/// A module without New-MeshCheckSuite is a SKIP line that says so, not a miss.
/// Not a test: nothing asserts on time; the exit code counts the missed targets.
/// </summary>
internal static class ChecksBenchmark
{
    private const int Services = 1000;
    private const double TargetSeconds = 60;

    /// <summary>Ten times the target: a run still going then has missed it by an order of magnitude.</summary>
    private const int StopAfterSeconds = 600;

    public static int Run(TextWriter output)
    {
        var root = StartupBenchmark.RepoRoot();
        var manifest = Path.Combine(root, "artifacts", "MeshOps", "MeshOps.psd1");
        if (!File.Exists(manifest))
        {
            output.WriteLine($"The module is not built ({manifest}); run dotnet build module/MeshOps.PowerShell -c Release first.");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("meshops-checks-");
        try
        {
            var mesh = SyntheticMesh.Generate(Services);
            var meshFile = Path.Combine(folder.FullName, mesh.SourceName);
            File.WriteAllText(meshFile, mesh.Yaml);
            var suite = Path.Combine(folder.FullName, $"synthetic-{Services}.Tests.ps1");
            output.WriteLine($"Ops checks offline: {Services:N0} services ({mesh.Resources:N0} objects, {mesh.Calls:N0} calls) in {meshFile}; one fresh dotnet pwsh -NoProfile session, not pinned.");
            output.WriteLine($"Pester: {PesterManifest() ?? "by name (Import-Module Pester -MinimumVersion 5.0): none in the NuGet cache"}.");
            using var result = JsonDocument.Parse(StartupBenchmark.RunPwsh(root, Script(manifest, meshFile, suite)).Line("RESULT"));
            return Report(result.RootElement, output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Report(JsonElement r, TextWriter output)
    {
        var baseline = r.GetProperty("Baseline").GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  Test-MeshConfig -Path (baseline)  {baseline,8:F1} s"));
        if (r.GetProperty("Skip").GetString() is { } skip)
        {
            output.WriteLine($"  SKIP New-MeshCheckSuite and Invoke-MeshCheck: {skip}");
            return 0;
        }

        var generate = r.GetProperty("Generate").GetDouble();
        var checks = r.GetProperty("Its").GetInt32();
        var trace = r.GetProperty("Trace").GetDouble();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  New-MeshCheckSuite                {generate,8:F1} s   {checks:N0} checks written ({generate / baseline:F1} x baseline)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one Test-MeshPath -Path           {trace,8:F1} s   what one reachability check costs: x {checks:N0} checks = {trace * checks:F0} s if none is shared"));
        if (r.GetProperty("Invoke").ValueKind == JsonValueKind.Null)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  Invoke-MeshCheck                  > {StopAfterSeconds:F0} s, stopped   (target <= {TargetSeconds:F0} s) MISS"));
            return 1;
        }

        var invoke = r.GetProperty("Invoke").GetDouble();
        var met = invoke <= TargetSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Invoke-MeshCheck                  {invoke,8:F1} s   {r.GetProperty("Passed").GetInt32():N0} passed, {r.GetProperty("Failed").GetInt32():N0} failed, result {r.GetProperty("Result").GetString()} ({invoke / baseline:F1} x baseline)   (target <= {TargetSeconds:F0} s) {(met ? "PASS" : "MISS")}"));
        return met ? 0 : 1;
    }

    /// <summary>
    /// The session: Pester from the NuGet cache when build.ps1 restored it there (Invoke-MeshCheck then uses the one
    /// loaded), the suite's Pester output kept off the console (6>$null: 1,000 services of it would bury the figures).
    /// The run is a thread job, stopped after <see cref="StopAfterSeconds"/>: a suite far over the target would
    /// otherwise hold the machine for as long as it takes, and the miss is known by then.
    /// </summary>
    private static string Script(string manifest, string meshFile, string suite)
    {
        var pester = PesterManifest();
        var importPester = pester is null ? "" : $"Import-Module '{pester}'";
        return $$"""
            $ErrorActionPreference = 'Stop'
            {{importPester}}
            Import-Module '{{manifest}}'
            $w = [Diagnostics.Stopwatch]::new()
            $null = Test-MeshConfig -Path '{{meshFile}}'
            $w.Restart(); $null = Test-MeshConfig -Path '{{meshFile}}'; $baseline = $w.Elapsed.TotalSeconds
            $result = @{ Baseline = $baseline; Skip = $null }
            if (-not (Get-Command New-MeshCheckSuite -Module MeshOps -ErrorAction Ignore)) {
                $result.Skip = 'the built module has no New-MeshCheckSuite (it is not merged into this build)'
            }
            else {
                $w.Restart(); $null = New-MeshCheckSuite -Path '{{meshFile}}' -OutFile '{{suite}}' -Force; $result.Generate = $w.Elapsed.TotalSeconds
                $result.Its = @(Select-String -LiteralPath '{{suite}}' -Pattern '^\s*It ').Count
                $edge = @(Test-MeshPath -All -Path '{{meshFile}}')[0]
                $w.Restart(); $null = Test-MeshPath -From $edge.From -To $edge.To -Path '{{meshFile}}'; $result.Trace = $w.Elapsed.TotalSeconds
                $job = Start-ThreadJob {
                    {{importPester}}
                    Import-Module '{{manifest}}'
                    $w = [Diagnostics.Stopwatch]::StartNew()
                    $run = Invoke-MeshCheck -Suite '{{suite}}' -ErrorAction Continue 6>$null
                    @{ Invoke = $w.Elapsed.TotalSeconds; Passed = $run.Passed; Failed = $run.Failed; Result = $run.Result }
                }
                if (Wait-Job $job -Timeout {{StopAfterSeconds}}) { $result += Receive-Job $job }
                else { Stop-Job $job; $result.Invoke = $null }
                Remove-Job $job -Force
            }
            [Console]::Out.WriteLine('RESULT ' + ($result | ConvertTo-Json -Compress))
            """;
    }

    /// <summary>The newest Pester 5 in the NuGet cache (tools/Pester/Pester.Restore.csproj restores it there), or null.</summary>
    private static string? PesterManifest()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var pester = new DirectoryInfo(Path.Combine(packages, "pester"));
        return pester.Exists
            ? pester.EnumerateDirectories("5.*")
                .Select(d => Path.Combine(d.FullName, "tools", "Pester.psd1"))
                .Where(File.Exists)
                .MaxBy(p => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : new Version())
            : null;
    }
}
