using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Model;
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
/// as Mermaid (rendered by GitHub) or Graphviz dot. Reads manifests as Test-MeshConfig does, and draws only a complete
/// read: a path that cannot be read or a document that cannot be loaded is an error and no drawing, since a graph
/// missing a service would look like a mesh without it.
/// </summary>
[Cmdlet(VerbsData.Export, "MeshGraph", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(string), typeof(FileInfo))]
public sealed class ExportMeshGraphCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

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
        var literal = ParameterSetName == LiteralPathSet;
        AddPaths(literal ? LiteralPath : Path, literal);
    }

    protected override void EndProcessing()
    {
        var manifests = LoadComplete("there is nothing to draw");
        if (manifests is null)
        {
            return;
        }

        var report = RunCancellable(ct => MeshAnalyzer.Analyze(manifests, cancellationToken: ct));
        var graph = MeshGraphBuilder.Build(MeshModelBuilder.Build(manifests), report);
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
}
