using System.Management.Automation;
using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Sources.Live;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// What Get-MeshIntention, Get-MeshServiceDefault and Get-MeshConfig share: the cluster chosen as kubectl chooses it
/// (-Kubeconfig, -Context, -Namespace or -AllNamespaces), names matched as Get-* cmdlets match them (wildcards; a plain
/// name that matches nothing is a non-terminating ObjectNotFound error, as with Get-Process), and each object written
/// as the typed MeshOps.Consul resource it is, with a type name of its own so the table view shows its Synced status.
/// </summary>
public abstract class LiveConsulConfigCmdlet : CompleteManifestCmdlet
{
    /// <summary>The parameter set of -Namespace (or the context's namespace).</summary>
    protected const string NamespaceSet = "Namespace";

    /// <summary>The parameter set of -AllNamespaces.</summary>
    protected const string AllNamespacesSet = "AllNamespaces";

    private readonly List<string> _names = [];

    [Parameter(Position = 0, ValueFromPipeline = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ConsulObjectNameCompleter))]
    public string[]? Name { get; set; }

    /// <summary>The namespace to read (kubectl -n); the context's namespace, else default, when not given.</summary>
    [Parameter(ParameterSetName = NamespaceSet)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Every namespace (kubectl -A).</summary>
    [Parameter(ParameterSetName = AllNamespacesSet, Mandatory = true)]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>The kubeconfig context to read (kubectl --context); the current context when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file to read instead of KUBECONFIG or ~/.kube/config (kubectl --kubeconfig).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>The consul.hashicorp.com kinds this invocation reads.</summary>
    protected abstract IReadOnlyList<string> Kinds { get; }

    /// <summary>The type name put first on each object written, which selects its table view.</summary>
    protected abstract string ViewTypeName { get; }

    protected override void ProcessRecord() => _names.AddRange(Name ?? []);

    protected override void EndProcessing()
    {
        var read = WithCluster(Kubeconfig, Context, Namespace, (connection, _) =>
        {
            WriteVerbose(LiveCluster.Describe(connection, $"{string.Join(", ", Kinds)} in {(AllNamespaces ? "all namespaces" : $"namespace {connection.Namespace}")}"));
            var options = new LiveConsulConfigOptions { Kinds = Kinds, AllNamespaces = AllNamespaces };
            var set = RunCancellable(ct => LiveConsulConfig.ReadAsync(connection, options, ct).GetAwaiter().GetResult());
            return new Read(set, AllNamespaces ? "any namespace" : $"namespace {connection.Namespace}", connection.Describe());
        });
        if (read is null)
        {
            return;
        }

        foreach (var error in read.Set.Errors)
        {
            WriteError(NewErrorRecord(error.ErrorId, error.ToString(), error.Location.File));
        }

        foreach (var note in read.Set.Skipped)
        {
            WriteVerbose(note.ToString());
        }

        var patterns = _names.Select(n => new WildcardPattern(n, WildcardOptions.IgnoreCase)).ToList();
        var matched = new bool[patterns.Count];
        foreach (var resource in read.Set.Resources)
        {
            if (patterns.Count > 0 && !Matches(resource, patterns, matched))
            {
                continue;
            }

            var output = new PSObject(resource.Model);
            output.TypeNames.Insert(0, ViewTypeName);
            WriteObject(output);
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            if (!matched[i] && !WildcardPattern.ContainsWildcardCharacters(_names[i]))
            {
                WriteError(NewErrorRecord(ErrorIds.MeshConfigNotFound,
                    $"Cannot find a {string.Join(" or ", Kinds)} named '{_names[i]}' in {read.Where} of {read.Cluster}.", _names[i]));
            }
        }
    }

    private static bool Matches(ManifestResource resource, List<WildcardPattern> patterns, bool[] matched)
    {
        var any = false;
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].IsMatch(resource.Name))
            {
                matched[i] = true;
                any = true;
            }
        }

        return any && resource.Model is IMeshResource;
    }

    private sealed record Read(ManifestSet Set, string Where, string Cluster);
}
