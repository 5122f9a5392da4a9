using System.Management.Automation;
using MeshOps.Intentions;
using MeshOps.Paths.Live;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Rules.Intentions;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// What <c>consul intention check</c> answers for a pair (Allowed or Denied), with the intention that decided it: its
/// ServiceIntentions, source entry, precedence and place, or the default that applied and why. L7 intentions are judged
/// for the request -Method, -PathInfo and -Header describe. Live (the default without -Path), Consul is asked too and a
/// disagreement with our evaluation of the cluster's ServiceIntentions is reported.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshIntention", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(IntentionCheckResult), typeof(bool))]
public sealed class TestMeshIntentionCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string LiveSet = "Live";

    /// <summary>The calling service, as Consul names it.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Source { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string Destination { get; set; } = string.Empty;

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
    [Parameter]
    [ValidateSet("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE")]
    public string? Method { get; set; }

    /// <summary>The request path an L7 intention's permissions judge ("/" when only -Method or -Header is given).</summary>
    [Parameter]
    [ValidatePattern("^/")]
    public string? PathInfo { get; set; }

    /// <summary>Request headers, name=value (a bare name is sent empty).</summary>
    [Parameter]
    [ValidatePattern("^[^=]+(=.*)?$")]
    public string[]? Header { get; set; }

    /// <summary>Live: the namespace read for ServiceIntentions (kubectl -n); the context's namespace by default.</summary>
    [Parameter(ParameterSetName = LiveSet)]
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

    protected override void ProcessRecord()
    {
        if (!IsLive)
        {
            var literal = ParameterSetName == LiteralPathSet;
            AddPaths(literal ? LiteralPath : Path, literal);
        }
    }

    protected override void EndProcessing()
    {
        var request = IntentionRequest.Create(Method, PathInfo, Header);
        var result = IsLive ? CheckLive(request) : CheckFiles(request);
        if (result is null)
        {
            return;
        }

        WriteObject(Quiet ? result.Decision == IntentionCheckDecision.Allowed : result);
    }

    private IntentionCheckResult? CheckFiles(HttpRequestAttributes? request)
    {
        var manifests = LoadComplete("there are no intentions to check");
        if (manifests is null)
        {
            return null;
        }

        return RunCancellable(ct => IntentionChecker.Check(manifests, Source, Destination, request, ct));
    }

    private IntentionCheckResult? CheckLive(HttpRequestAttributes? request) => WithCluster(Kubeconfig, Context, Namespace, (connection, notes) =>
    {
        var snapshot = ReadCluster(connection, [connection.Namespace], AllNamespaces, "there are no intentions to check");
        if (snapshot is null)
        {
            return null;
        }

        using var checker = new LiveIntentionChecker(connection, new LivePathOptions { OnNote = notes.Enqueue });
        return RunCancellable(ct => checker.CheckAsync(snapshot, Source, Destination, request, ct).GetAwaiter().GetResult());
    });
}
