namespace MeshOps.PowerShell.Checks.Run;

/// <summary>
/// What one Invoke-MeshCheck run found, in the counts a CI summary shows. <see cref="Passed"/> to <see cref="NotRun"/>
/// are Pester's test counts; <see cref="FailedSuites"/> counts suite files that failed on their own (a syntax error, a
/// top-level BeforeAll that threw), which a count of tests would hide when the file holds none that ran.
/// </summary>
/// <param name="Result">Passed, Failed, or NothingRun when no test ran (no pass either: nothing was checked).</param>
/// <param name="Suites">The suite files run, full paths, in the order run.</param>
/// <param name="Source">What the suites checked: their default manifests, the -Path given, or the cluster (-Live).</param>
/// <param name="OutputFile">The NUnit or JUnit file written, or null without -OutputFile.</param>
public sealed record CheckRunResult(
    string Result,
    IReadOnlyList<string> Suites,
    string Source,
    int Passed,
    int Failed,
    int Skipped,
    int NotRun,
    int FailedSuites,
    TimeSpan Duration,
    string? OutputFile,
    string? OutputFormat,
    IReadOnlyList<CheckFailure> Failures)
{
    public const string PassedResult = "Passed";
    public const string FailedResult = "Failed";
    public const string NothingRunResult = "NothingRun";
}

/// <summary>
/// One failed test, or one suite that could not run: its name as Pester prints it (Describe.Context.It, expanded) and
/// Pester's message, which for a failure under a BeforeAll that threw is that BeforeAll's error.
/// </summary>
public sealed record CheckFailure(string Suite, string Name, string Message);
