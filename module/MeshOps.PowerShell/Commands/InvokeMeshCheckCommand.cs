using System.Collections;
using System.Management.Automation;
using MeshOps.PowerShell.Checks.Run;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Runs ops-check suites (Pester files such as New-MeshCheckSuite writes) against the manifests they were made from,
/// other manifests (-Path) or the cluster (-Live), writes an NUnit or JUnit file for the CI's test panel, and fails
/// the pipeline step the way Test-MeshConfig -FailOn does: an error after the output, so $? is $false and
/// `pwsh -Command` exits 1. Suites are collected from every pipeline record and run once, in one Pester run, in
/// <see cref="EndProcessing"/>.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "MeshCheck", DefaultParameterSetName = DefaultSet)]
[OutputType(typeof(CheckRunResult))]
[OutputType(typeof(PSObject))]
public sealed class InvokeMeshCheckCommand : MeshOpsCmdlet
{
    private const string DefaultSet = "Default";
    private const string PathSet = "Path";
    private const string LiveSet = "Live";

    private const string NUnitXml = "NUnitXml";
    private const string JUnitXml = "JUnitXml";

    private readonly List<string> _suites = [];
    private readonly List<ErrorRecord> _suiteErrors = [];
    private string? _outputPath;
    private string? _outputFormat;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Suite { get; set; } = [];

    /// <summary>The manifests the suites check instead of those they were generated from (their $Path parameter).</summary>
    [Parameter(ParameterSetName = PathSet, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>Runs the suites' live checks against the cluster (their $Live switch).</summary>
    [Parameter(ParameterSetName = LiveSet, Mandatory = true)]
    public SwitchParameter Live { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter]
    [ValidateSet(NUnitXml, JUnitXml)]
    public string? OutputFormat { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputFile { get; set; }

    /// <summary>Returns Pester's own run object instead of the summary, for scripts written against Invoke-Pester -PassThru.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Tag { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] ExcludeTag { get; set; } = [];

    protected override void BeginProcessing() => ResolveOutput();

    protected override void ProcessRecord()
    {
        foreach (var suite in Suite)
        {
            var resolved = SuiteFiles.Resolve(SessionState, suite);
            if (resolved.Failed)
            {
                _suiteErrors.Add(resolved.Exception is { } exception
                    ? NewErrorRecord(resolved.ErrorId!, exception, suite)
                    : NewErrorRecord(resolved.ErrorId!, $"{resolved.Message} Nothing was run.", suite));
                continue;
            }

            _suites.AddRange(resolved.Paths.Where(p => !_suites.Contains(p, StringComparer.Ordinal)));
        }
    }

    protected override void EndProcessing()
    {
        // A suite that cannot be found, or manifests that are not there, would leave part of the contract unchecked
        // while the rest passes: nothing runs, and each such input is named.
        var manifests = ResolveManifests();
        if (_suiteErrors.Count > 0 || manifests is null)
        {
            foreach (var error in _suiteErrors)
            {
                WriteError(error);
            }

            return;
        }

        var pester = PesterModule.Find(InvokeCommand, out var problem);
        if (pester is null)
        {
            ThrowTerminatingError(NewErrorRecord(ErrorIds.PesterNotFound, problem!, "Pester"));
            return;
        }

        WriteVerbose($"Running {_suites.Count} suite(s) with Pester {pester.Version} ({pester.Path}) against {Source(manifests)}.");
        var runs = _suites.Select(file => new SuiteRun(file, DataFor(file, manifests))).ToList();
        var settings = PesterInvocation.Settings(Verbosity(), Tag, ExcludeTag, _outputPath, _outputFormat);
        PSObject run;
        using (Live ? LiveConnection.Apply(MyInvocation.MyCommand.Module, ParameterDefaults(), Context, KubeconfigPath(), Namespace) : null)
        {
            try
            {
                run = PesterInvocation.Run(InvokeCommand, pester, runs, settings);
            }
            catch (RuntimeException failed) when (failed is not PipelineStoppedException)
            {
                ThrowTerminatingError(NewErrorRecord(ErrorIds.ChecksNotRun, $"Pester could not run the suites: {failed.Message}", null));
                return;
            }
        }

        var result = PesterRunReader.Read(run, _suites, Source(manifests), _outputPath, _outputFormat);
        WriteObject(PassThru ? run : result);
        Gate(result);
    }

    /// <summary>
    /// -OutputFile checked before anything runs, as Test-MeshConfig checks it. Both formats are XML, so the name says
    /// only that: a .xml file is JUnit, the format Test-MeshConfig writes to .xml, so one publish step reads both.
    /// </summary>
    private void ResolveOutput()
    {
        if (OutputFile is null)
        {
            if (OutputFormat is not null)
            {
                ThrowTerminatingError(NewErrorRecord(
                    ErrorIds.ConflictingParameters,
                    "-OutputFormat says how to write -OutputFile: give -OutputFile too (Pester's console output is the same either way).",
                    OutputFormat));
            }

            return;
        }

        _outputPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputFile);
        _outputFormat = OutputFormat
            ?? (System.IO.Path.GetExtension(_outputPath).Equals(".xml", StringComparison.OrdinalIgnoreCase) ? JUnitXml : null);
        if (_outputFormat is null)
        {
            ThrowTerminatingError(NewErrorRecord(
                ErrorIds.OutputFormatUnknown,
                $"The name '{OutputFile}' does not say which result file to write: give -OutputFormat NUnitXml or JUnitXml, or name the file .xml (JUnit).",
                OutputFile));
        }

        if (!Directory.Exists(System.IO.Path.GetDirectoryName(_outputPath)))
        {
            ThrowTerminatingError(NewErrorRecord(
                ErrorIds.OutFileUnwritable,
                $"Cannot write '{OutputFile}': the folder {System.IO.Path.GetDirectoryName(_outputPath)} does not exist.",
                OutputFile));
        }
    }

    /// <summary>The -Path values as file-system paths, resolved from the caller's location; null when one names nothing (its error is queued).</summary>
    private List<string>? ResolveManifests()
    {
        var manifests = new List<string>();
        foreach (var path in Path)
        {
            var resolved = ManifestPaths.Resolve(SessionState, path, literal: false);
            if (resolved.Failed)
            {
                _suiteErrors.Add(resolved.Exception is { } exception
                    ? NewErrorRecord(resolved.ErrorId!, exception, path)
                    : NewErrorRecord(resolved.ErrorId!, $"{resolved.Message} Nothing was run.", path));
                continue;
            }

            manifests.AddRange(resolved.Paths);
        }

        return _suiteErrors.Count == 0 ? manifests : null;
    }

    /// <summary>
    /// What the user gave, for the parameters the suite declares. A -Path or -Live the suite cannot take is a warning:
    /// the suite still runs, on whatever it reads itself, and the log says so.
    /// </summary>
    private Hashtable DataFor(string file, List<string> manifests)
    {
        var declared = SuiteParameters.Of(file);
        var data = new Hashtable(StringComparer.OrdinalIgnoreCase);
        Offer(nameof(Path), ParameterSetName == PathSet ? manifests.ToArray() : null, warnIfUndeclared: true);
        Offer(nameof(Live), Live ? true : null, warnIfUndeclared: true);
        // The live connection reaches suites that do not declare these through LiveConnection's defaults.
        // New-MeshCheckSuite's suites declare all three.
        Offer(nameof(Context), Context, warnIfUndeclared: false);
        Offer(nameof(Kubeconfig), KubeconfigPath(), warnIfUndeclared: false);
        Offer(nameof(Namespace), Namespace, warnIfUndeclared: false);
        return data;

        void Offer(string name, object? value, bool warnIfUndeclared)
        {
            if (value is null)
            {
                return;
            }

            if (declared.Contains(name))
            {
                data[name] = value;
            }
            else if (warnIfUndeclared)
            {
                WriteWarning($"The suite {file} declares no ${name} parameter, so -{name} does not reach it: it checks what it reads itself.");
            }
        }
    }

    private string? KubeconfigPath() => Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);

    /// <summary>The session's $PSDefaultParameterValues; made anew when the user set it to $null, as a new session has it.</summary>
    private IDictionary ParameterDefaults()
    {
        if (SessionState.PSVariable.GetValue("PSDefaultParameterValues") is IDictionary defaults)
        {
            return defaults;
        }

        var created = new DefaultParameterDictionary();
        SessionState.PSVariable.Set("global:PSDefaultParameterValues", created);
        return created;
    }

    private string Source(List<string> manifests) =>
        ParameterSetName switch
        {
            PathSet => string.Join(", ", manifests),
            LiveSet => "the cluster" + (Context is null ? "" : $" of context {Context}") + (Kubeconfig is null ? "" : $" in {KubeconfigPath()}")
                + (Namespace is null ? "" : $", namespace {Namespace}"),
            _ => "the suites' own manifests",
        };

    /// <summary>Pester's console output: failures and the summary (Normal), each test with -Verbose (Detailed).</summary>
    private string Verbosity() =>
        MyInvocation.BoundParameters.TryGetValue("Verbose", out var verbose) && verbose is SwitchParameter { IsPresent: true }
        || GetVariableValue("VerbosePreference") is ActionPreference.Continue
            ? "Detailed"
            : "Normal";

    /// <summary>The verdict for pipelines, written last so the output (and the result file) are out first.</summary>
    private void Gate(CheckRunResult result)
    {
        if (result.Result == CheckRunResult.FailedResult)
        {
            var broken = result.FailedSuites > 0 ? $"; {result.FailedSuites} suite(s) failed to run" : "";
            var named = string.Join("; ", result.Failures.Take(5).Select(f => f.Name));
            var more = result.Failures.Count > 5 ? $" and {result.Failures.Count - 5} more" : "";
            WriteError(NewErrorRecord(
                ErrorIds.ChecksFailed,
                $"{result.Failed} of {result.Passed + result.Failed} check(s) failed{broken}: {named}{more}. The run fails; the result's Failures hold Pester's messages.",
                null));
        }
        else if (result.Result == CheckRunResult.NothingRunResult)
        {
            WriteError(NewErrorRecord(
                ErrorIds.NoChecksRun,
                $"No check ran in {result.Suites.Count} suite(s)"
                + (Tag.Length + ExcludeTag.Length > 0 ? " with the -Tag/-ExcludeTag given" : "")
                + $" ({result.Skipped} skipped, {result.NotRun} not run). A run that checked nothing is no pass.",
                null));
        }
    }
}
