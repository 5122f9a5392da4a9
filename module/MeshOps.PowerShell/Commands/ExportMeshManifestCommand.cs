using System.Management.Automation;
using System.Text;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Typed;
using Microsoft.PowerShell.Commands;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Writes typed mesh and Kubernetes objects as manifests: one file of <c>---</c>-separated documents, or with -Split one
/// file per object (<see cref="ManifestExport"/> plans both). Every target is checked before the first is written, so an
/// existing file (without -Force), an object that cannot be written or a name two objects share leaves the disk as it was.
/// With -ContextPath the rule catalogue first judges the objects among the manifests they will join
/// (<see cref="DesiredConfigCheck"/>, as Publish-MeshConfig judges them among the cluster's), and an Error on one of them
/// writes nothing. Without a context there is no check: objects judged alone would draw findings about what they are
/// simply shown without (a Service with no Deployment beside it).
/// </summary>
[Cmdlet(VerbsData.Export, "MeshManifest", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportMeshManifestCommand : MeshOpsCmdlet
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<object> _objects = [];
    private bool _refused;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = [];

    [Parameter]
    public SwitchParameter Split { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ContextPath { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            var value = item is PSObject wrapped ? wrapped.BaseObject : item;
            if (ManifestExport.WhyNotExportable(value) is { } why)
            {
                _refused = true;
                WriteError(NewErrorRecord(ErrorIds.NotAMeshObject, why + " Nothing is written.", value?.GetType().FullName));
                continue;
            }

            _objects.Add(value!);
        }
    }

    protected override void EndProcessing()
    {
        if (_refused || _objects.Count == 0 || Target() is not { } target)
        {
            return;
        }

        IReadOnlyList<ManifestFile> files;
        try
        {
            files = ManifestExport.Plan(_objects, target, Split);
        }
        catch (ArgumentException e)
        {
            WriteError(NewErrorRecord(ErrorIds.ManifestCollision, e.Message + " Nothing is written.", target));
            return;
        }

        if (!Writable(target, files) || !PassesRules())
        {
            return;
        }

        foreach (var file in files)
        {
            var action = $"Write {file.Objects.Count} manifest document(s)" + (File.Exists(file.Path) ? ", replacing the file" : string.Empty);
            if (!ShouldProcess(file.Path, action))
            {
                continue;
            }

            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Path)!);
                File.WriteAllText(file.Path, file.Text, Utf8NoBom);
                WriteObject(new FileInfo(file.Path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                WriteError(NewErrorRecord(ErrorIds.ManifestWriteFailed, $"Cannot write '{file.Path}': {e.Message}", file.Path));
            }
        }
    }

    /// <summary>The rule catalogue over the objects among the -ContextPath manifests; true when nothing blocks the write.</summary>
    private bool PassesRules()
    {
        if (ContextPath is null)
        {
            return true;
        }

        var paths = new List<string>();
        foreach (var path in ContextPath)
        {
            if (ResolveManifestPath(path, literal: false, "Nothing is written.") is not { } files)
            {
                return false;
            }

            paths.AddRange(files);
        }

        var context = RunCancellable(_ => ManifestLoader.LoadPaths(paths, LoaderOptions.Default));
        // A context that could not be read in full would judge the objects against less than is there.
        foreach (var error in context.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error + " Nothing is written.", error.Location.File));
        }

        if (context.Errors.Count > 0)
        {
            return false;
        }

        var desired = TypedObjectSource.Read(_objects, "pipeline");
        var check = RunCancellable(ct => DesiredConfigCheck.Check(desired, context, AnalysisOptions.Default, ct));
        foreach (var finding in check.Blocking)
        {
            WriteError(NewErrorRecord(ErrorIds.WriteBlockedByRule,
                $"{finding.RuleId} on {finding.Resource}: {finding.Message} Fix: {finding.Fix} Nothing is written.",
                finding.RuleId));
        }

        return check.Passed;
    }

    private string? Target()
    {
        var target = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path, out var provider, out _);
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            WriteError(NewErrorRecord(ErrorIds.NotFileSystemPath, $"'{Path}' is on the {provider.Name} provider; manifests are written to the file system.", Path));
            return null;
        }

        return target;
    }

    // Every refusal is written, not only the first, so one run names every file in the way.
    private bool Writable(string target, IReadOnlyList<ManifestFile> files)
    {
        var ok = true;
        if (Split && File.Exists(target))
        {
            WriteError(NewErrorRecord(ErrorIds.ManifestWriteFailed, $"'{target}' is a file; -Split writes one file per object into a folder. Nothing is written.", target));
            return false;
        }

        if (!Split && System.IO.Path.GetDirectoryName(target) is { } folder && !Directory.Exists(folder))
        {
            WriteError(NewErrorRecord(ErrorIds.ManifestWriteFailed, $"Cannot write '{target}': the folder '{folder}' does not exist. Nothing is written.", target));
            return false;
        }

        foreach (var file in files)
        {
            if (Directory.Exists(file.Path))
            {
                ok = false;
                WriteError(NewErrorRecord(ErrorIds.ManifestWriteFailed, $"'{file.Path}' is a folder; give a file name, or -Split to write one file per object into it. Nothing is written.", file.Path));
            }
            else if (File.Exists(file.Path) && !Force)
            {
                ok = false;
                WriteError(NewErrorRecord(ErrorIds.ManifestExists, $"'{file.Path}' exists; -Force replaces it. Nothing is written.", file.Path));
            }
        }

        return ok;
    }
}
