using System.Management.Automation;
using MeshOps.Analysis;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Traces one call hop by hop (SourceWorkload, Name, ServicePort, DestinationWorkload, Listener, Protocol, Intention,
/// Identity, Catalog, Envoy) over manifests, with the evidence, fix and confirm command of each hop and the first broken
/// one as the root cause. Reads manifests as Test-MeshConfig does; a read that was not complete traces nothing, since a
/// missing file could be the one that breaks or mends the path.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshPath", DefaultParameterSetName = PathSet)]
[OutputType(typeof(PathReport), typeof(bool))]
public sealed class TestMeshPathCommand : MeshOpsCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>Type name that selects the view with every hop's evidence, fix and confirm command (-Detailed).</summary>
    private const string DetailedTypeName = "MeshOps.Paths.PathReport#Detailed";

    private readonly List<string> _paths = [];
    private bool _failed;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string From { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string To { get; set; } = string.Empty;

    /// <summary>The Service port to trace; by default the port the source's calls dial.</summary>
    [Parameter]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>The namespace of names written without one.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Namespace { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Shows every hop's evidence, fix and confirm command instead of one line per hop.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Returns $true when no hop fails, else $false (and $false when nothing could be traced).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            var resolved = ManifestPaths.Resolve(SessionState, path, literal);
            if (resolved.Failed)
            {
                _failed = true;
                WriteError(resolved.Exception is { } exception
                    ? NewErrorRecord(resolved.ErrorId!, exception, path)
                    : NewErrorRecord(resolved.ErrorId!, resolved.Message!, path));
                continue;
            }

            _paths.AddRange(resolved.Paths);
        }
    }

    protected override void EndProcessing()
    {
        var report = _failed || _paths.Count == 0 ? null : Trace();
        if (Quiet)
        {
            WriteObject(report?.Passed == true);
        }
        else if (report is not null)
        {
            var output = PSObject.AsPSObject(report);
            if (Detailed)
            {
                output.TypeNames.Insert(0, DetailedTypeName);
            }

            WriteObject(output);
        }
    }

    private PathReport? Trace()
    {
        var manifests = RunCancellable(_ => ManifestLoader.LoadPaths(_paths, LoaderOptions.Default));
        foreach (var error in manifests.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
        }

        if (manifests.Errors.Count > 0)
        {
            return null;
        }

        if (manifests.Resources.Count == 0)
        {
            WriteError(NewErrorRecord(ErrorIds.NothingAnalysed, $"No Kubernetes or Consul object was read from {string.Join(", ", _paths)}: there is no path to trace.", _paths[0]));
            return null;
        }

        var analysis = RunCancellable(ct => MeshAnalyzer.Analyze(manifests, cancellationToken: ct));
        return PathTracer.Trace(MeshModelBuilder.Build(manifests), analysis, From, To, Port, Namespace);
    }
}
