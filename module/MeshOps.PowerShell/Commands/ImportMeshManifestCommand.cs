using System.Management.Automation;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Secrets;
using MeshOps.Sources.Files;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Reads manifests back into the typed objects the New-Mesh* cmdlets write (ServiceIntentions, ServiceDefaults, …,
/// V1Service, V1ServiceAccount, …) through the SDK's loader, the one Test-MeshConfig reads with. Each object carries
/// where it was written as a <c>Location</c> note property (file:line:column). A file that cannot be read is an error
/// of its own; the other files are still read.
/// </summary>
[Cmdlet(VerbsData.Import, "MeshManifest", DefaultParameterSetName = PathSet)]
[OutputType(typeof(object))]
public sealed class ImportMeshManifestCommand : MeshOpsCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    /// <summary>The property that says where an imported object was written.</summary>
    public const string LocationProperty = "Location";

    private readonly List<string> _paths = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in literal ? LiteralPath : Path)
        {
            _paths.AddRange(ResolveManifestPath(path, literal) ?? []);
        }
    }

    protected override void EndProcessing()
    {
        if (_paths.Count == 0)
        {
            return;
        }

        var manifests = RunCancellable(_ => ManifestLoader.LoadPaths(_paths, LoaderOptions.Default));
        foreach (var error in manifests.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
        }

        foreach (var warning in manifests.Warnings)
        {
            WriteWarning(OutputText.Clean(warning.ToString()));
        }

        foreach (var skipped in manifests.Skipped)
        {
            WriteVerbose(OutputText.Clean(skipped.ToString()));
        }

        foreach (var resource in manifests.Resources)
        {
            var location = resource.Location.ForOutput();
            if (resource.Model is null)
            {
                WriteWarning(OutputText.Clean($"{location}: {resource.ApiVersion} {resource.Kind} '{resource.Name}' is not imported: MeshOps has no type for that kind."));
                continue;
            }

            var imported = PSObject.AsPSObject(resource.Model);
            imported.Properties.Add(new PSNoteProperty(LocationProperty, location));
            WriteObject(imported);
        }
    }
}
