using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Checks;
using MeshOps.Graph;
using MeshOps.Sources;
using MeshOps.PowerShell.Infrastructure;
using Microsoft.PowerShell.Commands;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes a Pester 5 file from the intention matrix of a mesh: the configuration has no errors, every call an intention
/// allows is reachable, and each source is denied by every other service. The matrix is the mesh graph Export-MeshGraph
/// draws and Test-MeshPath -All traces, read from manifests as Test-MeshConfig reads them or from the current cluster.
/// Like Export-MeshManifest, it never replaces a file without -Force.
/// </summary>
[Cmdlet(VerbsCommon.New, "MeshCheckSuite", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class NewMeshCheckSuiteCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string LiveSet = "Live";

    private readonly List<string> _given = [];

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Reads the current cluster; the suite then checks the cluster unless it is given -Path.</summary>
    [Parameter(ParameterSetName = LiveSet, Mandatory = true)]
    public SwitchParameter Live { get; set; }

    /// <summary>Live: the kubeconfig context read, and the one the suite reads by default.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Live: the kubeconfig file read, and the one the suite reads by default.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>Live: the namespace read (kubectl -n); the context's by default.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>The Pester file to write (name it *.Tests.ps1 so Invoke-Pester finds it).</summary>
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string OutFile { get; set; } = string.Empty;

    /// <summary>Replaces an existing -OutFile.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == LiveSet)
        {
            return;
        }

        var literal = ParameterSetName == LiteralPathSet;
        var paths = literal ? LiteralPath : Path;
        _given.AddRange(paths);
        AddPaths(paths, literal);
    }

    protected override void EndProcessing()
    {
        if (Target() is not { } target)
        {
            return;
        }

        var built = ParameterSetName == LiveSet
            ? WithCluster(Kubeconfig, Context, Namespace, (connection, _) =>
                ReadCluster(connection, [connection.Namespace], allNamespaces: false, "there is nothing to check") is { } snapshot ? Build(snapshot) : null)
            : LoadComplete("there is nothing to check") is { } manifests ? Build(manifests) : null;
        if (built is null)
        {
            return;
        }

        var text = CheckSuiteWriter.Write(built, Origin(target));
        var action = $"Write checks for {built.Sources.Count} services" + (File.Exists(target) ? ", replacing the file" : string.Empty);
        if (!ShouldProcess(target, action))
        {
            return;
        }

        try
        {
            File.WriteAllText(target, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileUnwritable, $"Cannot write '{target}': {e.Message}", target));
            return;
        }

        WriteObject(new FileInfo(target));
    }

    private CheckSuite Build(ManifestSet manifests)
    {
        var (report, model) = Analyze(manifests);
        return CheckSuite.Build(model, MeshGraphBuilder.Build(model, report));
    }

    /// <summary>The file to write, checked before anything is read: a suite that cannot be written is not worth a cluster read.</summary>
    private string? Target()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(OutFile, out var provider, out _);
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            WriteError(NewErrorRecord(ErrorIds.NotFileSystemPath, $"'{OutFile}' is on the {provider.Name} provider; the suite is written to the file system.", OutFile));
            return null;
        }

        if (Directory.Exists(target))
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileUnwritable, $"'{target}' is a folder; -OutFile names the file to write (e.g. mesh.Tests.ps1). Nothing is written.", target));
            return null;
        }

        if (System.IO.Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileUnwritable, $"Cannot write '{target}': the folder '{folder}' does not exist. Nothing is written.", target));
            return null;
        }

        if (File.Exists(target) && !Force)
        {
            WriteError(NewErrorRecord(ErrorIds.OutFileExists, $"'{target}' exists; -Force replaces it. Nothing is written.", target));
            return null;
        }

        return target;
    }

    private CheckSuiteOrigin Origin(string target)
    {
        if (ParameterSetName == LiveSet)
        {
            var kubeconfig = Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);
            var which = Context is null ? "the current kubeconfig context" : $"kubeconfig context {Context}";
            return new CheckSuiteOrigin([], "the cluster of " + which + (Namespace is null ? "" : $", namespace {Namespace}"), Context, kubeconfig, Namespace);
        }

        var folder = System.IO.Path.GetDirectoryName(target)!;
        return new CheckSuiteOrigin([.. _given.Select(p => SuitePath(p, folder))], string.Join(", ", _given));
    }

    /// <summary>
    /// A relative path written relative to the suite's folder, so a committed suite runs from any working directory; an
    /// absolute one, or one whose only common ancestor with the suite is the root (/tmp beside /home), as given in full.
    /// </summary>
    private string SuitePath(string given, string folder)
    {
        if (System.IO.Path.IsPathFullyQualified(given))
        {
            return given;
        }

        var full = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
        var relative = System.IO.Path.GetRelativePath(folder, full);
        return System.IO.Path.IsPathFullyQualified(relative) || !string.Equals(TopFolder(full), TopFolder(folder), StringComparison.Ordinal)
            ? full
            : relative.Replace('\\', '/');
    }

    private static string TopFolder(string path) =>
        path[System.IO.Path.GetPathRoot(path)!.Length..].Split(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar)[0];
}
