using System.Management.Automation;
using MeshOps.Intentions;
using MeshOps.Paths.Live;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// What <c>consul intention check</c> answers for a pair (Allowed or Denied), with the intention that decided it: its
/// ServiceIntentions, source entry, precedence and place, or the default that applied and why. L7 intentions are judged
/// for the request -Method, -PathInfo and -Header describe. Live (the default without -Path), Consul is asked too and a
/// disagreement with our evaluation of the cluster's ServiceIntentions is reported. Each side is evaluated in the Consul
/// namespace consul-k8s registers it in (Helm values or the injector's flags), as Test-MeshConfig's MESH201 places it.
/// Pairs piped by property name (a CSV of Source, Destination, Method, PathInfo, Header, Namespace) are each answered,
/// in order, from one read of the manifests (or of each namespace of the cluster) made after the last of them.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshIntention", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(IntentionCheckResult), typeof(bool))]
public sealed class TestMeshIntentionCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string LiveSet = "Live";

    private readonly List<(IntentionQuestion Question, string? Namespace)> _pairs = [];

    // Paths typed on the command line are read once for every piped pair; bound from each piped record, they add up.
    private bool _pathsFromCommandLine;

    // The cluster's default namespace for pairs that name none: -Namespace as typed, not as the last piped pair left it.
    private string? _namespaceFromCommandLine;

    /// <summary>
    /// The calling service, as Consul names it, or <c>name.namespace</c> with the Kubernetes namespace it runs in, which
    /// places it in a Consul namespace when Enterprise namespaces are on.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Source { get; set; } = string.Empty;

    /// <summary>
    /// The services called: Consul service names, or <c>name.namespace</c> as for <see cref="Source"/>; one answer each,
    /// in order (a zero-trust check asks one source against every other service in one call).
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string[] Destination { get; set; } = [];

    [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>Reads the current cluster and asks its Consul; what the cmdlet does anyway without -Path.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter Live { get; set; }

    /// <summary>The request method an L7 intention's permissions judge (GET when only -PathInfo or -Header is given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")]
    public string? Method { get; set; }

    /// <summary>The request path an L7 intention's permissions judge ("/" when only -Method or -Header is given).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^/")]
    public string? PathInfo { get; set; }

    /// <summary>Request headers, name=value (a bare name is sent empty).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidatePattern("^[^=]+(=.*)?$")]
    public string[]? Header { get; set; }

    /// <summary>Live: the namespace read for ServiceIntentions (kubectl -n); the context's namespace by default.</summary>
    [Parameter(ParameterSetName = LiveSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Live: read ServiceIntentions in every namespace (kubectl -A).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    public SwitchParameter AllNamespaces { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    [Parameter(ParameterSetName = LiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>Returns $true when the call is allowed, else $false, as consul intention check's exit code says.</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private bool IsLive => ParameterSetName == LiveSet;

    protected override void BeginProcessing()
    {
        _namespaceFromCommandLine = Namespace;
        var literal = MyInvocation.BoundParameters.ContainsKey(nameof(LiteralPath));
        _pathsFromCommandLine = literal || MyInvocation.BoundParameters.ContainsKey(nameof(Path));
        if (_pathsFromCommandLine)
        {
            AddPaths(literal ? LiteralPath : Path, literal);
        }
    }

    protected override void ProcessRecord()
    {
        if (!IsLive && !_pathsFromCommandLine)
        {
            var literal = ParameterSetName == LiteralPathSet;
            AddPaths(literal ? LiteralPath : Path, literal);
        }

        var request = IntentionRequest.Create(Method, PathInfo, Header);
        foreach (var destination in Destination)
        {
            _pairs.Add((new IntentionQuestion(Source, destination, request), Namespace));
        }
    }

    protected override void EndProcessing()
    {
        var results = IsLive ? CheckLive() : CheckFiles();
        foreach (var result in results ?? [])
        {
            WriteObject(Quiet ? result.Decision == IntentionCheckDecision.Allowed : result);
        }
    }

    private IReadOnlyList<IntentionCheckResult>? CheckFiles()
    {
        var manifests = LoadComplete("there are no intentions to check");
        if (manifests is null)
        {
            return null;
        }

        var (findings, model) = Analyze(manifests);
        return [.. _pairs.Select(p => IntentionChecker.Check(model, p.Question.Source, p.Question.Destination, p.Question.Request, findings))];
    }

    /// <summary>The answers in the order the pairs came, each namespace read once; a namespace that cannot be read answers none of its pairs.</summary>
    private List<IntentionCheckResult>? CheckLive() => WithCluster<List<IntentionCheckResult>>(Kubeconfig, Context, _namespaceFromCommandLine, (connection, notes) =>
    {
        var results = new IntentionCheckResult?[_pairs.Count];
        using var checker = new LiveIntentionChecker(connection, new LivePathOptions { OnNote = notes.Enqueue });
        var byNamespace = Enumerable.Range(0, _pairs.Count).GroupBy(i => AllNamespaces ? "" : _pairs[i].Namespace ?? connection.Namespace, StringComparer.Ordinal);
        foreach (var group in byNamespace)
        {
            var snapshot = ReadCluster(connection, [group.Key.Length == 0 ? connection.Namespace : group.Key], AllNamespaces, "there are no intentions to check");
            if (snapshot is null)
            {
                continue;
            }

            var indexes = group.ToList();
            var answers = RunCancellable(ct => checker.CheckAsync(snapshot, [.. indexes.Select(i => _pairs[i].Question)], ct).GetAwaiter().GetResult());
            for (var i = 0; i < indexes.Count; i++)
            {
                results[indexes[i]] = answers[i];
            }
        }

        return [.. results.OfType<IntentionCheckResult>()];
    });
}
