using System.Management.Automation;
using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Traces one call hop by hop (SourceWorkload, Name, ServicePort, DestinationWorkload, Listener, Protocol, Intention,
/// Identity, Catalog, Envoy) over manifests, with the evidence, fix and confirm command of each hop and the first broken
/// one as the root cause. Reads manifests as Test-MeshConfig does; a read that was not complete traces nothing, since a
/// missing file could be the one that breaks or mends the path.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshPath", DefaultParameterSetName = PathSet)]
[OutputType(typeof(PathReport), typeof(bool))]
public sealed class TestMeshPathCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string AllPathSet = "AllPath";
    private const string AllLiteralPathSet = "AllLiteralPath";

    /// <summary>Type name that selects the view with every hop's evidence, fix and confirm command (-Detailed).</summary>
    private const string DetailedTypeName = "MeshOps.Paths.PathReport#Detailed";


    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string From { get; set; } = string.Empty;

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 1)]
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string To { get; set; } = string.Empty;

    /// <summary>The Service port to trace; by default the port the source's calls dial.</summary>
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Traces every call the manifests show and every pair an intention allows, one result each.</summary>
    [Parameter(ParameterSetName = AllPathSet, Mandatory = true)]
    [Parameter(ParameterSetName = AllLiteralPathSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>The namespace of names written without one.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Namespace { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AllPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AllLiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Shows every hop's evidence, fix and confirm command instead of one line per hop.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Returns $true when no hop fails (of any path, with -All), else $false (and $false when nothing could be traced).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName is LiteralPathSet or AllLiteralPathSet;
        AddPaths(literal ? LiteralPath : Path, literal);
    }

    protected override void EndProcessing()
    {
        var reports = Trace();
        if (Quiet)
        {
            WriteObject(reports is { Count: > 0 } && reports.All(r => r.Passed));
            return;
        }

        foreach (var report in reports ?? [])
        {
            var output = PSObject.AsPSObject(report);
            if (Detailed)
            {
                output.TypeNames.Insert(0, DetailedTypeName);
            }

            WriteObject(output);
        }
    }

    private List<PathReport>? Trace()
    {
        var manifests = LoadComplete("there is no path to trace");
        if (manifests is null)
        {
            return null;
        }

        var analysis = RunCancellable(ct => MeshAnalyzer.Analyze(manifests, cancellationToken: ct));
        var model = MeshModelBuilder.Build(manifests);
        return All ? TraceAll(model, analysis) : [PathTracer.Trace(model, analysis, From, To, Port, Namespace)];
    }

    /// <summary>
    /// Every edge of the mesh graph, which holds each call the model shows (merged per target, a trace per port) and
    /// each pair an intention allows without a call; with -Namespace, those whose caller is in it.
    /// </summary>
    private List<PathReport> TraceAll(MeshModel model, AnalysisReport analysis)
    {
        const string activity = "Test-MeshPath -All";
        var pairs = MeshGraphBuilder.Build(model, analysis).Edges
            .Where(e => Namespace is null || e.From.Namespace == Namespace)
            .SelectMany(e => e.Ports.Count == 0 ? [(Edge: e, Port: (int?)null)] : e.Ports.Select(p => (Edge: e, Port: (int?)p)))
            .ToList();
        // TraceEach asks for each request just before tracing it, on this thread: progress is written as the trace starts.
        var requests = pairs.Select((pair, i) =>
        {
            ReportProgress(activity, $"{pair.Edge.From} -> {pair.Edge.To}", i * 100 / pairs.Count);
            return new PathRequest(Qualified(pair.Edge.From), Qualified(pair.Edge.To), pair.Port);
        });
        var reports = PathTracer.TraceEach(model, analysis, requests).ToList();
        CompleteProgress(activity);
        return reports;
    }

    private static string Qualified(MeshGraphNode node) => $"{node.Name}.{node.Namespace}";
}
