using System.Collections.Concurrent;
using MeshOps.Analysis;
using MeshOps.Clients.Kubernetes;
using MeshOps.Secrets;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// A cmdlet that acts on manifests, or on the current cluster when none are given, only when they were read:
/// Test-MeshPath, Test-MeshIntention, Export-MeshGraph, New-MeshCheckSuite, Publish-MeshConfig and the cmdlets of
/// <see cref="LiveConsulConfigCmdlet"/>. Paths are
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
            if (ResolveManifestPath(path, literal) is { } files)
            {
                _paths.AddRange(files);
            }
            else
            {
                _failed = true;
            }
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

        // The same files unchanged since the last read are not read again (AnalyzedFiles), nor analysed again (Analyze).
        var manifests = RunCancellable(_ => AnalyzedFiles.Load(_paths, LoaderOptions.Default));
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

    /// <summary>The analysis of manifests <see cref="LoadComplete"/> returned: the one kept for them when the files had not changed.</summary>
    protected AnalyzedMesh Analyze(ManifestSet manifests) => RunCancellable(ct => AnalyzedFiles.Analyze(manifests, ct));

    /// <summary>
    /// Opens the current cluster as kubectl does (-Kubeconfig, -Context, -Namespace) and runs <paramref name="work"/>
    /// with it; a cluster that cannot be opened or read is one error naming it, and null. Notes the work queues (the
    /// client's retries, the pods and endpoints asked) go to -Verbose, redacted.
    /// </summary>
    protected void WithCluster(string? kubeconfig, string? context, string? @namespace, Action<KubernetesConnection, ConcurrentQueue<string>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        WithCluster<object>(kubeconfig, context, @namespace, (connection, notes) =>
        {
            work(connection, notes);
            return null;
        });
    }

    /// <inheritdoc cref="WithCluster(string?, string?, string?, Action{KubernetesConnection, ConcurrentQueue{string}})"/>
    /// <returns>What <paramref name="work"/> returned; null when the cluster could not be opened or read.</returns>
    protected T? WithCluster<T>(string? kubeconfig, string? context, string? @namespace, Func<KubernetesConnection, ConcurrentQueue<string>, T?> work)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(work);
        var path = kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(kubeconfig);
        var notes = new ConcurrentQueue<string>();
        try
        {
            using var connection = LiveCluster.Connect(path, context, @namespace, notes);
            return work(connection, notes);
        }
        catch (Exception failed) when (LiveCluster.TryName(failed, path, out var target, out var errorId))
        {
            WriteError(NewErrorRecord(errorId, failed.Message, target));
            return null;
        }
        finally
        {
            foreach (var note in notes)
            {
                WriteVerbose(SecretRedactor.Redact(note));
            }
        }
    }

    /// <summary>
    /// The cluster's objects as live Test-MeshConfig reads them, each kind once per namespace; what could not be read
    /// is an error of its own. Null when nothing at all was read.
    /// </summary>
    /// <param name="nothingToDo">What reading no object means for this cmdlet: "there is nothing to draw".</param>
    protected ManifestSet? ReadCluster(KubernetesConnection connection, IReadOnlyList<string> namespaces, bool allNamespaces, string nothingToDo)
    {
        ArgumentNullException.ThrowIfNull(connection);
        WriteVerbose(LiveCluster.Describe(connection, allNamespaces ? "all namespaces" : $"namespace(s) {string.Join(", ", namespaces)}"));
        var snapshot = RunCancellable(ct => LiveSnapshot.ReadAsync(connection, new LiveSnapshotOptions { AllNamespaces = allNamespaces, Namespaces = namespaces }, ct).GetAwaiter().GetResult());
        foreach (var error in snapshot.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
        }

        if (snapshot.Resources.Count == 0)
        {
            WriteError(NewErrorRecord(ErrorIds.NothingAnalysed, $"No object was read from {connection.Describe()}: {nothingToDo}.", null));
            return null;
        }

        return snapshot;
    }
}
