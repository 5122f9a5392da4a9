using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Catalog;
using Microsoft.PowerShell.Commands;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads manifests from files, folders or the pipeline and reports what would break traffic in the Consul mesh.
/// Every input of every pipeline record is analysed together in <see cref="EndProcessing"/>, because the rules
/// compare objects with each other (a Service with its Deployment, an intention with its services).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshConfig", DefaultParameterSetName = PathSet)]
[OutputType(typeof(Finding))]
[OutputType(typeof(bool))]
public sealed class TestMeshConfigCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string InputObjectSet = "InputObject";

    /// <summary>The name that locations in piped text carry, like a compiler reading standard input.</summary>
    private const string StdinSourceName = "<stdin>";

    // The analysis parameters are kept in the options record rather than in fields of their own. Besides saying
    // where they go, this keeps enums from the dependencies (Severity, DefaultPolicy) out of this class's layout:
    // PowerShell lists the assembly's types before OnImport hooks the resolver, and a value-type field would make
    // the runtime load MeshOps.Rules at that moment, from a folder it does not search.
    // Findings name a setting the user decided by the parameter that set it.
    private AnalysisOptions _options = AnalysisOptions.Default with { DescribeOverride = name => $"-{name} parameter" };
    private readonly List<string> _paths = [];
    private readonly StringBuilder _text = new();
    private bool _inputRejected;

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

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Namespace
    {
        get => _options.Namespace;
        set => _options = _options with { Namespace = value };
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] Rule
    {
        get => [.. _options.IncludeRules];
        set => _options = _options with { IncludeRules = CanonicalRuleIds(value) };
    }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] ExcludeRule
    {
        get => [.. _options.ExcludeRules];
        set => _options = _options with { ExcludeRules = CanonicalRuleIds(value) };
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

    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void BeginProcessing()
    {
        // Checked before any input is read, so a typo fails at once rather than after a long load.
        foreach (var id in Rule.Concat(ExcludeRule))
        {
            if (RuleCatalog.Find(id) is null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"Unknown rule id '{id}'. Known rules: {string.Join(", ", RuleCatalog.All.Select(r => r.Id))}."),
                    "UnknownRule",
                    ErrorCategory.InvalidArgument,
                    id));
            }
        }
    }

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
            default:
                // kubectl output arrives one line per record; a whole document (Get-Content -Raw) is one record.
                _text.Append(InputObject).Append('\n');
                break;
        }
    }

    protected override void EndProcessing()
    {
        var manifests = Load();
        WriteVerbose(
            $"Read {manifests.Resources.Select(r => r.Location.File).Distinct(StringComparer.Ordinal).Count()} file(s) " +
            $"with {manifests.Resources.Count} resource(s); {manifests.Errors.Count} could not be read.");

        var report = MeshAnalyzer.Analyze(manifests, _options);

        foreach (var loadError in report.LoadErrors)
        {
            WriteError(new ErrorRecord(
                new InvalidDataException(loadError.ToString()),
                loadError.ErrorId,
                ErrorCategory.InvalidData,
                loadError.Location.File));
        }

        if (Quiet)
        {
            WriteObject(!_inputRejected && !report.HasErrors && report.LoadErrors.Count == 0);
        }
        else
        {
            WriteObject(report.Findings, enumerateCollection: true);
        }
    }

    // PowerShell users type names in any case; the catalogue spells ids in capitals.
    private static string[] CanonicalRuleIds(string[] ids) => [.. ids.Select(id => id.ToUpperInvariant())];

    private ManifestSet Load()
    {
        var fromFiles = _paths.Count > 0 ? ManifestLoader.LoadPaths(_paths) : ManifestSet.Empty;
        if (_text.Length == 0)
        {
            return fromFiles;
        }

        // A pipeline may bind some records to -Path (files) and others to -InputObject (text): analyse both as one set.
        var fromText = ManifestLoader.LoadText(_text.ToString(), StdinSourceName);
        return new ManifestSet([.. fromFiles.Resources, .. fromText.Resources], [.. fromFiles.Errors, .. fromText.Errors]);
    }

    private void AddPath(string path, bool literal)
    {
        ProviderInfo provider;
        IReadOnlyList<string> resolved;
        try
        {
            if (literal)
            {
                var literalPath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                resolved = File.Exists(literalPath) || Directory.Exists(literalPath) ? [literalPath] : [];
            }
            else
            {
                resolved = SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
        }
        catch (SessionStateException ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException)
        {
            Reject(path, ex, "PathNotFound", ErrorCategory.ObjectNotFound);
            return;
        }

        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            Reject(
                path,
                new ArgumentException($"'{path}' is on the {provider.Name} provider; manifests are read from the file system."),
                "NotFileSystemPath",
                ErrorCategory.InvalidArgument);
        }
        else if (resolved.Count == 0)
        {
            // Get-Item is silent when a wildcard matches nothing; here that would let a mistyped pattern pass a gate.
            Reject(
                path,
                new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."),
                "PathNotFound",
                ErrorCategory.ObjectNotFound);
        }
        else
        {
            _paths.AddRange(resolved);
        }
    }

    /// <summary>Reports one input that cannot be read; the others are still analysed, but -Quiet can no longer pass.</summary>
    private void Reject(string path, Exception exception, string errorId, ErrorCategory category)
    {
        _inputRejected = true;
        WriteError(new ErrorRecord(exception, errorId, category, path));
    }
}
