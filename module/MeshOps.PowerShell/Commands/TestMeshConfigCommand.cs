using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Reporting;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;
using MeshOps.Rules.Catalog;
using MeshOps.Secrets;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads manifests from files, folders or the pipeline, or with none of them what is deployed in the current cluster
/// (as istioctl analyze: live by default), and reports what would break traffic in the Consul mesh.
/// Every input of every pipeline record is analysed together in <see cref="EndProcessing"/>, because the rules
/// compare objects with each other (a Service with its Deployment, an intention with its services).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshConfig", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(Finding))]
[OutputType(typeof(bool))]
public sealed class TestMeshConfigCommand : MeshOpsCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string InputObjectSet = "InputObject";
    private const string LiveSet = "Live";

    /// <summary>The name that locations in piped text carry, like a compiler reading standard input.</summary>
    private const string StdinSourceName = "<stdin>";

    private const string ProgressActivity = "Test-MeshConfig";

    // The analysis parameters are kept in the options record rather than in fields of their own. Besides saying
    // where they go, this keeps enums from the dependencies (Severity, DefaultPolicy) out of this class's layout:
    // PowerShell lists the assembly's types before OnImport hooks the resolver, and a value-type field would make
    // the runtime load MeshOps.Rules at that moment, from a folder it does not search.
    // Findings name a setting the user decided by the parameter that set it. Rule IDs are stored as typed and
    // checked in BeginProcessing: an exception thrown while binding would reach the user as a binding error.
    private AnalysisOptions _options = AnalysisOptions.Default with { DescribeOverride = DescribeParameter };
    private readonly List<string> _paths = [];
    private readonly StringBuilder _text = new();

    /// <summary>Inputs refused before the SDK saw them; they are part of the set analysed, so the verdict counts them.</summary>
    private readonly List<LoadError> _rejected = [];

    /// <summary>
    /// Their errors, written once the report file is: under -ErrorAction Stop the first error ends the command, and a CI
    /// step must still find the file that says what could not be read.
    /// </summary>
    private readonly List<ErrorRecord> _rejectedErrors = [];

    private UnboundPipelineRecords? _unbound;

    /// <summary>-Kubeconfig resolved against the current location, for the confirm commands of live findings.</summary>
    private string? _kubeconfigPath;

    /// <summary>-OutputFile resolved against the current location, and the format written there (a ReportFormat name).</summary>
    private string? _outputPath;
    private string? _outputFormat;

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    // Piped FileInfo objects bind here through PSPath, as with Get-Content, so "a[1].yaml" is not read as a wildcard.
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, ValueFromPipeline = true)]
    [AllowEmptyString]
    public string InputObject { get; set; } = string.Empty;

    // Read as kubectl apply -n reads it, by the loader: the SDK's finding filter (AnalysisOptions.Namespace) is left
    // unset, since it would also hide findings on cluster-scoped objects and the Helm values, which have no namespace.
    // Live, it is the namespace read, as kubectl get -n.
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>The kubeconfig context to read (kubectl --context); the current context when not given.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Every namespace, each kind listed once across the cluster (kubectl -A).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>The kubeconfig file to read instead of KUBECONFIG or ~/.kube/config (kubectl --kubeconfig).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Rule
    {
        get => [.. _options.IncludeRules];
        set => _options = _options with { IncludeRules = value };
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] ExcludeRule
    {
        get => [.. _options.ExcludeRules];
        set => _options = _options with { ExcludeRules = value };
    }

    [Parameter]
    public Severity MinimumSeverity
    {
        get => _options.MinimumSeverity;
        set => _options = _options with { MinimumSeverity = value };
    }

    // Left unbound, the policy is read from the inputs (ACLs on in the Helm values mean deny).
    [Parameter]
    public DefaultPolicy DefaultPolicy
    {
        get => _options.DefaultPolicy ?? DefaultPolicy.Allow;
        set => _options = _options with { DefaultPolicy = value };
    }

    [Parameter]
    public bool TransparentProxy
    {
        get => _options.TransparentProxy ?? true;
        set => _options = _options with { TransparentProxy = value };
    }

    [Parameter]
    public bool AclsEnabled
    {
        get => _options.AclsEnabled ?? false;
        set => _options = _options with { AclsEnabled = value };
    }

    // A service name, or name.namespace; read as written and checked in BeginProcessing with the file's entries.
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] KnownService
    {
        get => [.. _options.KnownServices];
        set => _options = _options with { KnownServices = value };
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KnownServicesPath { get; set; }

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    /// <summary>Accepts an input that held no object: without it, a run that analysed nothing is an error and no pass (issue 10).</summary>
    [Parameter]
    public SwitchParameter AllowEmpty { get; set; }

    /// <summary>
    /// SARIF 2.1.0 (code scanning), JUnit XML (test panels) or JSON. With -OutputFile the document is written there and
    /// the findings still come down the pipeline; without it, the document is the output, one string.
    /// </summary>
    [Parameter]
    [ValidateSet(nameof(ReportFormat.Sarif), nameof(ReportFormat.JUnit), nameof(ReportFormat.Json))]
    public string? OutputFormat { get; set; }

    /// <summary>The file the -OutputFormat document is written to (replaced if it exists, as Out-File does); the format follows .sarif, .xml or .json when -OutputFormat is not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutputFile { get; set; }

    /// <summary>
    /// Makes findings of this severity or worse an error (MeshOps.FindingsFailedGate) after the output, so $? is
    /// $false and `pwsh -Command` exits 1; JUnit failures follow it too. An input that could not be read is an error with or without it.
    /// </summary>
    [Parameter]
    [ValidateSet("Error", "Warning")]
    public string? FailOn { get; set; }

    protected override void BeginProcessing()
    {
        _unbound = UnboundPipelineRecords.Start(this);
        try
        {
            _options = _options with
            {
                IncludeRules = RuleSelection.Parse(_options.IncludeRules),
                ExcludeRules = RuleSelection.Parse(_options.ExcludeRules),
            };
        }
        catch (UnknownRuleException unknown)
        {
            ThrowTerminatingError(NewErrorRecord(ErrorIds.UnknownRule, unknown, unknown.RuleId));
        }

        if (AllNamespaces && Namespace is not null)
        {
            ThrowTerminatingError(NewErrorRecord(
                ErrorIds.ConflictingParameters,
                new ArgumentException("-Namespace and -AllNamespaces ask for different parts of the cluster; give one of them."),
                Namespace));
        }

        ResolveOutput();

        if (KnownServicesPath is not null)
        {
            _options = _options with { KnownServices = [.. _options.KnownServices, .. ReadKnownServices(KnownServicesPath)] };
        }

        foreach (var known in _options.KnownServices)
        {
            try
            {
                _ = MeshOps.Model.KnownService.Parse(known, "");
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(NewErrorRecord(ErrorIds.InvalidKnownService, invalid, known));
            }
        }
    }

    /// <summary>The entries of a -KnownServicesPath file; a file that cannot be read stops the command, as a bad argument.</summary>
    private IReadOnlyList<string> ReadKnownServices(string path)
    {
        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
        try
        {
            return KnownServiceList.Parse(File.ReadAllText(file));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var errorId = ex is FileNotFoundException or DirectoryNotFoundException ? ErrorIds.PathNotFound : ErrorIds.InvalidKnownService;
            ThrowTerminatingError(NewErrorRecord(errorId, ex, path));
            throw;
        }
    }

    /// <summary>Findings name an option by the parameter that sets it (AnalysisOptions.KnownServices is -KnownService).</summary>
    private static string DescribeParameter(string option) =>
        option == nameof(AnalysisOptions.KnownServices) ? $"-{nameof(KnownService)} parameter" : $"-{option} parameter";

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case PathSet:
                foreach (var path in Path)
                {
                    AddPath(path, literal: false);
                }

                break;
            case LiteralPathSet:
                foreach (var path in LiteralPath)
                {
                    AddPath(path, literal: true);
                }

                break;
            case LiveSet:
                break;
            default:
                // kubectl output arrives one line per record; a whole document (Get-Content -Raw) is one record.
                _text.Append(InputObject).Append('\n');
                break;
        }
    }

    protected override void EndProcessing()
    {
        RejectUnboundRecords();
        // An empty pipeline binds no record and leaves the default (live) set: it is still piped input, which held nothing,
        // and reading the cluster instead would answer a question nobody asked.
        var live = ParameterSetName == LiveSet && !MyInvocation.ExpectingInput;
        ReportProgress(ProgressActivity, live ? "Reading the cluster" : "Reading manifests");
        var loaded = live ? LoadLive() : Load();
        WriteVerbose(live
            ? $"Read {loaded.Resources.Count} object(s) from the cluster; {loaded.Errors.Count} kind(s) could not be read, {loaded.Skipped.Count} note(s)."
            : $"Read {loaded.Resources.Select(r => r.Location.File).Distinct(StringComparer.Ordinal).Count()} file(s) " +
              $"with {loaded.Resources.Count} resource(s); {loaded.Errors.Count} could not be read, {loaded.Skipped.Count} skipped.");
        foreach (var skipped in loaded.Skipped)
        {
            WriteVerbose(SecretRedactor.Redact($"skipped {skipped.Location}: {skipped.Reason}"));
        }

        ReportProgress(ProgressActivity, $"Analysing {loaded.Resources.Count} resource(s)");
        var inputs = ManifestSet.Merge(new ManifestSet([], _rejected), loaded);
        var report = RunCancellable(cancellation => MeshAnalyzer.Analyze(inputs, _options, cancellation));
        CompleteProgress(ProgressActivity);
        if (live)
        {
            report = report with { Findings = [.. report.Findings.Select(f => ClusterConfirmCommands.ForCluster(f, Context, _kubeconfigPath))] };
        }

        // The document is written before any error is: under -ErrorAction Stop the first error ends the command, and a
        // CI step that uploads the file must still find it, saying what could not be read.
        var document = _outputFormat is null ? null : RenderReport(report);
        if (document is not null && _outputPath is not null)
        {
            WriteReportFile(_outputPath, document);
        }

        foreach (var rejected in _rejectedErrors)
        {
            WriteError(rejected);
        }

        foreach (var loadError in loaded.Errors)
        {
            WriteError(NewErrorRecord(loadError.ErrorId, loadError.ToString(), loadError.Location.File));
        }

        // The analysis sets aside objects the API server would refuse (an empty list item, a port outside 1-65535):
        // their errors exist only in the report, and a gate that fails without saying why is no better than a crash.
        foreach (var loadError in report.LoadErrors.Except(inputs.Errors))
        {
            WriteError(NewErrorRecord(loadError.ErrorId, loadError.ToString(), loadError.Location.File));
        }

        // Warnings say how an input was read (the last of a repeated key, the last copy of an object), not that it
        // failed: they go to the warning stream, never the error stream, and leave -Quiet's verdict alone.
        foreach (var warning in report.LoadWarnings)
        {
            WriteWarning(SecretRedactor.Redact($"{warning} ({warning.WarningId})"));
        }

        // A mistyped path or a folder of no manifests has already been named by its own error; an empty pipeline, an
        // input of no objects or piped records that failed to bind have not, and would otherwise pass a gate silently.
        if (report.AnalysedNothing && !AllowEmpty && report.LoadErrors.Count == 0)
        {
            WriteError(NewErrorRecord(ErrorIds.NothingAnalysed, NothingAnalysedMessage(loaded), null));
        }

        if (Quiet)
        {
            WriteObject(report.PassedWith(AllowEmpty));
        }
        else if (document is not null && _outputPath is null)
        {
            WriteObject(document);
        }
        else
        {
            WriteObject(report.Findings, enumerateCollection: true);
        }

        FailGate(report);
    }

    /// <summary>-OutputFile and -OutputFormat checked before anything is read: a report that cannot be written is a bad argument.</summary>
    private void ResolveOutput()
    {
        if (OutputFile is not null)
        {
            _outputPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutputFile);
            _outputFormat = OutputFormat ?? ReportDocument.FormatOf(_outputPath)?.ToString();
            if (_outputFormat is null)
            {
                ThrowTerminatingError(NewErrorRecord(
                    ErrorIds.OutputFormatUnknown,
                    $"The name '{OutputFile}' does not say which report to write: give -OutputFormat Sarif, JUnit or Json, or name the file .sarif, .xml or .json.",
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
        else
        {
            _outputFormat = OutputFormat;
        }

        if (_outputFormat is not null && _outputPath is null && Quiet)
        {
            ThrowTerminatingError(NewErrorRecord(
                ErrorIds.ConflictingParameters,
                "-Quiet returns only $true or $false, and -OutputFormat without -OutputFile returns the document: give -OutputFile to have both.",
                OutputFormat));
        }
    }

    private string RenderReport(AnalysisReport report)
    {
        var context = new ReportContext(SessionState.Path.CurrentFileSystemLocation.ProviderPath, ModuleVersion)
        {
            FailOn = FailOn is null ? Severity.Error : Enum.Parse<Severity>(FailOn),
        };
        return ReportDocument.Render(Enum.Parse<ReportFormat>(_outputFormat!), report, context, AllowEmpty);
    }

    private string ModuleVersion => MyInvocation.MyCommand.Module?.Version.ToString() ?? "0.0.0";

    private void WriteReportFile(string path, string document)
    {
        try
        {
            ReportDocument.WriteFile(path, document);
            WriteVerbose($"Wrote the {_outputFormat} report to {path}.");
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileUnwritable, $"Cannot write '{OutputFile}': {failed.Message}", OutputFile));
        }
    }

    /// <summary>With -FailOn, findings at or above it are one error, written last, so the objects and the file are out first.</summary>
    private void FailGate(AnalysisReport report)
    {
        if (FailOn is null)
        {
            return;
        }

        var threshold = Enum.Parse<Severity>(FailOn);
        var failing = report.Findings.Where(f => f.Severity >= threshold).ToList();
        if (failing.Count > 0)
        {
            var rules = string.Join(", ", failing.GroupBy(f => f.RuleId, StringComparer.Ordinal).Select(g => $"{g.Key} ({g.Count()})"));
            WriteError(NewErrorRecord(
                ErrorIds.FindingsFailedGate,
                $"{failing.Count} finding(s) at {FailOn} or above: {rules}. The run fails (-FailOn {FailOn}).",
                null));
        }
    }

    /// <summary>The -Kubeconfig file as a file-system path, once resolved (confirm commands name it too).</summary>

    /// <summary>
    /// The live snapshot of the cluster. A cluster that cannot be read at all is one error naming the context and the
    /// server, and the run's verdict is no pass; a kind RBAC refuses is an error of its own, the rest still analysed.
    /// </summary>
    private ManifestSet LoadLive()
    {
        _kubeconfigPath = Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);
        var retries = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            using var connection = LiveCluster.Connect(_kubeconfigPath, Context, Namespace, retries);
            WriteVerbose(LiveCluster.Describe(connection, AllNamespaces ? "all namespaces" : $"namespace {connection.Namespace}"));
            var options = new LiveSnapshotOptions { AllNamespaces = AllNamespaces, Namespaces = [connection.Namespace] };
            return RunCancellable(cancellation => LiveSnapshot.ReadAsync(connection, options, cancellation).GetAwaiter().GetResult());
        }
        catch (Exception failed) when (LiveCluster.TryName(failed, _kubeconfigPath, out var target, out var errorId))
        {
            Reject(target, errorId, failed.Message);
        }
        finally
        {
            foreach (var retry in retries)
            {
                WriteVerbose(retry);
            }
        }

        return ManifestSet.Empty;
    }

    /// <summary>Records PowerShell dropped before they reached the cmdlet are input that was not checked: no pass.</summary>
    private void RejectUnboundRecords()
    {
        var unbound = _unbound?.Count() ?? 0;
        if (unbound > 0)
        {
            Reject(
                "<pipeline>",
                ErrorIds.InputNotBound,
                $"{unbound} piped record(s) could not be bound to -Path, -LiteralPath or -InputObject (PowerShell's error says why) and were not analysed, "
                + "so this check is no pass. Pipe only paths or only text, and give no -Path when piping.");
        }
    }

    private string NothingAnalysedMessage(ManifestSet loaded) =>
        (ParameterSetName == LiveSet && !MyInvocation.ExpectingInput
            ? $"Nothing was analysed: the cluster holds no object in {(AllNamespaces ? "any namespace" : "the namespace read")} ({loaded.Skipped.Count} note(s); -Verbose shows them)."
            : MyInvocation.ExpectingInput && _paths.Count == 0 && _text.Length == 0
            ? "Nothing was analysed: no pipeline input reached Test-MeshConfig (the pipeline was empty, or its records did not bind to -Path, -LiteralPath or -InputObject)."
            : $"Nothing was analysed: the input held no Kubernetes or Consul object ({loaded.Skipped.Count} document(s) skipped as not an object).")
        + " A check of nothing is not a pass, so -Quiet returns $false; add -AllowEmpty to accept an input without objects.";

    // A pipeline may bind some records to -Path (files) and others to -InputObject (text): analyse both as one set.
    private ManifestSet Load()
    {
        var options = LoaderOptions.Default with { Namespace = Namespace };
        return ManifestSet.Merge(
            _paths.Count > 0 ? ManifestLoader.LoadPaths(_paths, options) : ManifestSet.Empty,
            _text.Length > 0 ? ManifestLoader.LoadText(_text.ToString(), StdinSourceName, options) : ManifestSet.Empty);
    }

    private void AddPath(string path, bool literal)
    {
        var resolved = ManifestPaths.Resolve(SessionState, path, literal);
        if (resolved is { Exception: { } exception, ErrorId: { } failedWith })
        {
            Reject(path, failedWith, exception);
        }
        else if (resolved is { ErrorId: { } errorId, Message: { } message })
        {
            Reject(path, errorId, message);
        }
        else
        {
            _paths.AddRange(resolved.Paths);
        }
    }

    /// <summary>Reports one input that cannot be read; the others are still analysed, but -Quiet can no longer pass.</summary>
    private void Reject(string path, string errorId, string message)
    {
        _rejected.Add(new LoadError(errorId, new SourceLocation(path, 0, 0), message));
        _rejectedErrors.Add(NewErrorRecord(errorId, message, path));
    }

    private void Reject(string path, string errorId, Exception exception)
    {
        _rejected.Add(new LoadError(errorId, new SourceLocation(path, 0, 0), exception.Message));
        _rejectedErrors.Add(NewErrorRecord(errorId, exception, path));
    }
}
