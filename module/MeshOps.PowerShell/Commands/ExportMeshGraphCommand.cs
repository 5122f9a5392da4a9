using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Paths;
using MeshOps.Sources;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>The drawing formats Export-MeshGraph writes.</summary>
public enum MeshGraphFormat
{
    Mermaid,
    Dot,
}

/// <summary>
/// Draws the services of a mesh, the calls between them and the intentions' decision on each, failing edges marked,
/// as Mermaid (rendered by GitHub) or Graphviz dot: from manifests (read as Test-MeshConfig reads them), from the
/// current cluster when no path is given, or from Test-MeshPath results piped in (failing edges then marked with what
/// the traces found, live hops included). Draws only a complete read: a path that cannot be read or a document that
/// cannot be loaded is an error and no drawing, since a graph missing a service would look like a mesh without it.
/// </summary>
[Cmdlet(VerbsData.Export, "MeshGraph", DefaultParameterSetName = LiveSet, SupportsShouldProcess = true)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportMeshGraphCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string LiveSet = "Live";
    private const string PathReportSet = "PathReport";

    private readonly List<PathReport> _traced = [];

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Test-MeshPath results (-All, or several calls) to draw as traced.</summary>
    [Parameter(ParameterSetName = PathReportSet, Mandatory = true, ValueFromPipeline = true)]
    public PathReport[] InputObject { get; set; } = [];

    /// <summary>Live: the namespace read (kubectl -n); by default the context's.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Live: every namespace (kubectl -A).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>Live: the kubeconfig context to read (kubectl --context).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Live: the kubeconfig file to read instead of KUBECONFIG or ~/.kube/config.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    [Parameter]
    public MeshGraphFormat Format { get; set; } = MeshGraphFormat.Mermaid;

    /// <summary>Writes the drawing to this file (UTF-8) instead of the pipeline; an existing file is replaced unless -NoClobber.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    [Parameter]
    public SwitchParameter NoClobber { get; set; }

    /// <summary>With -OutFile, writes the file's FileInfo to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case PathReportSet:
                _traced.AddRange(InputObject);
                break;
            case PathSet or LiteralPathSet:
                var literal = ParameterSetName == LiteralPathSet;
                AddPaths(literal ? LiteralPath : Path, literal);
                break;
        }
    }

    protected override void EndProcessing()
    {
        var graph = ParameterSetName switch
        {
            PathReportSet => _traced.Count > 0 ? PathReportGraph.Build(_traced) : NothingPiped(),
            // An empty pipeline binds no record and leaves the default (live) set: it held nothing, and is no cluster read.
            LiveSet when MyInvocation.ExpectingInput => NothingPiped(),
            LiveSet => WithCluster(Kubeconfig, Context, Namespace, (connection, _) =>
                ReadCluster(connection, [connection.Namespace], AllNamespaces, "there is nothing to draw") is { } snapshot ? FromManifests(snapshot) : null),
            _ => LoadComplete("there is nothing to draw") is { } manifests ? FromManifests(manifests) : null,
        };
        if (graph is null)
        {
            return;
        }

        var drawing = Format == MeshGraphFormat.Dot ? DotGraphWriter.Write(graph) : MermaidGraphWriter.Write(graph);
        if (OutFile is null)
        {
            WriteObject(drawing);
            return;
        }

        var file = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile);
        if (NoClobber && File.Exists(file))
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileExists, $"'{file}' exists and -NoClobber was given: the drawing was not written.", file));
            return;
        }

        if (ShouldProcess(file, $"Write a {Format} drawing of {graph.Nodes.Count} services and {graph.Edges.Count} edges"))
        {
            try
            {
                File.WriteAllText(file, drawing, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(NewErrorRecord(ErrorIds.OutFileUnwritable, $"Cannot write '{file}': {e.Message}", file));
                return;
            }

            if (PassThru)
            {
                WriteObject(new FileInfo(file));
            }
        }
    }

    private MeshGraph FromManifests(ManifestSet manifests)
    {
        var (report, model) = Analyze(manifests);
        return MeshGraphBuilder.Build(model, report);
    }

    private MeshGraph? NothingPiped()
    {
        WriteError(NewErrorRecord(ErrorIds.NothingAnalysed, "Nothing was piped in: there is nothing to draw (pipe Test-MeshPath -All results, or give -Path).", null));
        return null;
    }
}
