using System.Management.Automation;
using MeshOps.Authoring.Compare;
using MeshOps.Consul;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Sources.Live;
using MeshOps.Sources.Typed;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Compares desired Consul resources (typed objects from the pipeline, or manifest files) with the cluster's or with
/// other manifests, spec field by spec field (<see cref="ConfigComparer"/>): one <see cref="ConfigComparison"/> per
/// object, or with -Diff the text of each difference as kubectl diff shows it. Only consul.hashicorp.com kinds are
/// compared; any other object is named on -Verbose and left out, so no Secret is ever read or shown.
/// </summary>
[Cmdlet(VerbsData.Compare, "MeshConfig", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(ConfigComparison), typeof(string))]
public sealed class CompareMeshConfigCommand : MeshOpsCmdlet
{
    private const string LiveSet = "Live";
    private const string PathSet = "Path";

    private readonly List<object> _objects = [];
    private readonly List<string> _desiredPaths = [];
    private bool _failed;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object[] Desired { get; set; } = [];

    /// <summary>Compare with the cluster (the default when -Path is not given).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter Live { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The namespace of objects written without one; live, the context's when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    [Parameter]
    public SwitchParameter IncludeUnmatched { get; set; }

    [Parameter]
    public SwitchParameter Diff { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var item in Desired)
        {
            switch (item is PSObject wrapped ? wrapped.BaseObject : item)
            {
                case IMeshResource resource:
                    _objects.Add(resource);
                    break;
                case string path:
                    Resolve(path, _desiredPaths);
                    break;
                case FileSystemInfo file:
                    Resolve(file.FullName, _desiredPaths);
                    break;
                case var other:
                    _failed = true;
                    WriteError(NewErrorRecord(ErrorIds.NotComparable,
                        $"A {other?.GetType().FullName ?? "null"} cannot be compared: give MeshOps.Consul resources (New-MeshIntention, Get-MeshConfig, the SDK's builders) or manifest paths.", other?.GetType().FullName));
                    break;
            }
        }
    }

    protected override void EndProcessing()
    {
        if (_failed)
        {
            return;
        }

        var desired = Load(TypedObjectSource.Read(_objects, "pipeline"), _desiredPaths, isDesired: true);
        if (desired is null)
        {
            return;
        }

        if (ParameterSetName == PathSet)
        {
            var currentPaths = new List<string>();
            foreach (var path in Path)
            {
                Resolve(path, currentPaths);
            }

            var current = _failed ? null : Load(ManifestSet.Empty, currentPaths, isDesired: false);
            if (current is not null)
            {
                Write(ConfigComparer.Compare(desired, current, Options(Namespace ?? "default")));
            }

            return;
        }

        CompareLive(desired);
    }

    private void CompareLive(IReadOnlyList<ManifestResource> desired)
    {
        var kubeconfig = Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);
        var notes = new System.Collections.Concurrent.ConcurrentQueue<string>();
        try
        {
            using var connection = LiveCluster.Connect(kubeconfig, Context, Namespace, notes);
            var options = Options(connection.Namespace);
            var read = new LiveConsulConfigOptions
            {
                Kinds = [.. desired.Select(r => r.Kind).Distinct(StringComparer.Ordinal)],
                Namespaces = [.. desired.Select(r => r.Namespace ?? options.DefaultNamespace).Distinct(StringComparer.Ordinal)],
            };
            WriteVerbose(LiveCluster.Describe(connection, $"{string.Join(", ", read.Kinds)} in namespace(s) {string.Join(", ", read.Namespaces)}"));
            var live = RunCancellable(ct => LiveConsulConfig.ReadAsync(connection, read, ct).GetAwaiter().GetResult());
            foreach (var error in live.Errors)
            {
                WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
            }

            // A kind that could not be read would show each desired object of it as Added: no comparison is better.
            if (live.Errors.Count == 0)
            {
                Write(ConfigComparer.Compare(desired, live.Resources, options));
            }
        }
        catch (Exception failed) when (LiveCluster.TryName(failed, kubeconfig, out var target, out var errorId))
        {
            WriteError(NewErrorRecord(errorId, failed.Message, target));
        }
        finally
        {
            foreach (var note in notes)
            {
                WriteVerbose(Secrets.SecretRedactor.Redact(note));
            }
        }
    }

    private ConfigCompareOptions Options(string defaultNamespace) => new() { DefaultNamespace = defaultNamespace, IncludeUnmatched = IncludeUnmatched };

    private void Write(IReadOnlyList<ConfigComparison> comparisons)
    {
        foreach (var comparison in comparisons)
        {
            if (!Diff)
            {
                WriteObject(comparison);
            }
            else if (ConfigDiffWriter.Write(comparison) is { Length: > 0 } text)
            {
                WriteObject(text.TrimEnd('\n'));
            }
        }
    }

    private void Resolve(string path, List<string> into)
    {
        if (ResolveManifestPath(path, literal: false) is { } files)
        {
            into.AddRange(files);
        }
        else
        {
            _failed = true;
        }
    }

    // The comparable resources of what was piped and read, or null (with the errors written) when a file could not be
    // read: a missing object would show as Added, or hide one that is.
    private IReadOnlyList<ManifestResource>? Load(ManifestSet piped, List<string> paths, bool isDesired)
    {
        var set = paths.Count == 0 ? piped : ManifestSet.Merge(piped, RunCancellable(_ => ManifestLoader.LoadPaths(paths, LoaderOptions.Default)));
        foreach (var error in set.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
        }

        if (set.Errors.Count > 0)
        {
            return null;
        }

        foreach (var resource in set.Resources.Where(r => isDesired && !ConfigComparer.IsComparable(r)))
        {
            WriteVerbose($"{resource.Ref} ({resource.Location}) is not compared: only consul.hashicorp.com kinds are.");
        }

        return [.. set.Resources.Where(ConfigComparer.IsComparable)];
    }
}
