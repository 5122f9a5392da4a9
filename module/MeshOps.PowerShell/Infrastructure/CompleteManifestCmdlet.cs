using MeshOps.Sources;
using MeshOps.Sources.Files;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet that acts on manifests only when they were all read: Export-MeshGraph and Test-MeshPath. Paths are
/// resolved as Test-MeshConfig resolves them (<see cref="ManifestPaths"/>); a path that cannot be resolved, a document
/// that cannot be loaded, or a read of no object at all is an error and no manifests, since a drawing or a trace missing
/// a file could show a mesh that is not there.
/// </summary>
public abstract class CompleteManifestCmdlet : MeshOpsCmdlet
{
    private readonly List<string> _paths = [];
    private bool _failed;

    /// <summary>Resolves each path given (called from ProcessRecord, once per pipeline object).</summary>
    protected void AddPaths(IEnumerable<string> paths, bool literal)
    {
        foreach (var path in paths)
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

    /// <summary>The manifests of every path added, or null (with the errors written) when the read was not complete.</summary>
    /// <param name="nothingToDo">What reading no object means for this cmdlet: "there is nothing to draw".</param>
    protected ManifestSet? LoadComplete(string nothingToDo)
    {
        if (_failed || _paths.Count == 0)
        {
            return null;
        }

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
            WriteError(NewErrorRecord(ErrorIds.NothingAnalysed, $"No Kubernetes or Consul object was read from {string.Join(", ", _paths)}: {nothingToDo}.", _paths[0]));
            return null;
        }

        return manifests;
    }
}
