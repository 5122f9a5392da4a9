using System.Management.Automation;
using MeshOps.Analysis;
using MeshOps.Graph;
using MeshOps.Model;
using MeshOps.Paths;
using MeshOps.Paths.Live;
using MeshOps.Secrets;
using MeshOps.Sources.Live;
using MeshOps.PowerShell.Infrastructure;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Traces one call hop by hop (SourceWorkload, Name, ServicePort, DestinationWorkload, Listener, Protocol, Intention,
/// Identity, Catalog, Envoy) over manifests, with the evidence, fix and confirm command of each hop and the first broken
/// one as the root cause. Reads manifests as Test-MeshConfig does; a read that was not complete traces nothing, since a
/// missing file could be the one that breaks or mends the path.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MeshPath", DefaultParameterSetName = LiveSet)]
[OutputType(typeof(PathReport), typeof(bool))]
public sealed class TestMeshPathCommand : CompleteManifestCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";
    private const string AllPathSet = "AllPath";
    private const string AllLiteralPathSet = "AllLiteralPath";
    private const string LiveSet = "Live";
    private const string AllLiveSet = "AllLive";

    /// <summary>Type name that selects the view with every hop's evidence, fix and confirm command (-Detailed).</summary>
    private const string ProgressActivity = "Test-MeshPath";

    private const string DetailedTypeName = "MeshOps.Paths.PathReport#Detailed";


    /// <summary>The calling service (name or name.namespace), or live also one of its pods.</summary>
    [Parameter(ParameterSetName = LiveSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0)]
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string From { get; set; } = string.Empty;

    [Parameter(ParameterSetName = LiveSet, Mandatory = true, Position = 1)]
    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 1)]
    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(ServiceNameCompleter))]
    public string To { get; set; } = string.Empty;

    /// <summary>The Service port to trace; by default the port the source's calls dial.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = PathSet)]
    [Parameter(ParameterSetName = LiteralPathSet)]
    [ValidateRange(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Traces every call the manifests show and every pair an intention allows, one result each.</summary>
    [Parameter(ParameterSetName = AllLiveSet, Mandatory = true)]
    [Parameter(ParameterSetName = AllPathSet, Mandatory = true)]
    [Parameter(ParameterSetName = AllLiteralPathSet, Mandatory = true)]
    public SwitchParameter All { get; set; }

    /// <summary>The namespace of names written without one; live, also the namespace read (kubectl -n).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    [Parameter(ParameterSetName = PathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AllPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    [Parameter(ParameterSetName = LiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Parameter(ParameterSetName = AllLiteralPathSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = [];

    /// <summary>The kubeconfig context to read (kubectl --context); the current context when not given.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = AllLiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>The kubeconfig file to read instead of KUBECONFIG or ~/.kube/config (kubectl --kubeconfig).</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = AllLiveSet)]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>With -All live: every namespace (kubectl -A).</summary>
    [Parameter(ParameterSetName = AllLiveSet)]
    public SwitchParameter AllNamespaces { get; set; }

    /// <summary>Seconds between the two reads of Envoy's counters that tell failures rising now from old ones.</summary>
    [Parameter(ParameterSetName = LiveSet)]
    [Parameter(ParameterSetName = AllLiveSet)]
    [ValidateRange(0.1, 300.0)]
    public double SampleInterval { get; set; } = 2;

    /// <summary>Shows every hop's evidence, fix and confirm command instead of one line per hop.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <summary>Returns $true when no hop fails (of any path, with -All), else $false (and $false when nothing could be traced).</summary>
    [Parameter]
    public SwitchParameter Quiet { get; set; }

    private bool Live => ParameterSetName is LiveSet or AllLiveSet;

    protected override void ProcessRecord()
    {
        if (Live)
        {
            return;
        }

        var literal = ParameterSetName is LiteralPathSet or AllLiteralPathSet;
        AddPaths(literal ? LiteralPath : Path, literal);
    }

    protected override void EndProcessing()
    {
        // Each result goes down the pipeline as soon as it is traced: with -All on a cluster, where each path waits on
        // its pods' Envoy samples, the first answers show (and a pipeline can act on them) long before the last.
        var traced = 0;
        var passed = true;
        void Emit(PathReport report)
        {
            traced++;
            passed &= report.Passed;
            if (Quiet)
            {
                return;
            }

            var output = PSObject.AsPSObject(report);
            if (Detailed)
            {
                output.TypeNames.Insert(0, DetailedTypeName);
            }

            WriteObject(output);
        }

        if (Live)
        {
            TraceLive(Emit);
        }
        else
        {
            Trace(Emit);
        }

        if (Quiet)
        {
            WriteObject(traced > 0 && passed);
        }
    }

    private void Trace(Action<PathReport> emit)
    {
        var manifests = LoadComplete("there is no path to trace");
        if (manifests is null)
        {
            return;
        }

        var (analysis, model) = Analyze(manifests);
        if (All)
        {
            TraceAll(model, analysis, requests => PathTracer.TraceEach(model, analysis, requests), emit);
        }
        else
        {
            emit(PathTracer.Trace(model, analysis, From, To, Port, Namespace));
        }
    }

    /// <summary>
    /// The cluster read as Test-MeshConfig reads it (the namespaces the two ends name, or with -All the namespace read),
    /// then each path traced with the hops only a running cluster answers. A cluster that cannot be read traces nothing.
    /// </summary>
    private void TraceLive(Action<PathReport> emit) => WithCluster(Kubeconfig, Context, Namespace, (connection, notes) =>
    {
        var namespaces = All ? [connection.Namespace] : new[] { From, To }.Select(n => NamespaceOf(n) ?? connection.Namespace).Distinct(StringComparer.Ordinal).ToList();
        ReportProgress(ProgressActivity, "Reading the cluster");
        var snapshot = ReadCluster(connection, namespaces, AllNamespaces, "there is no path to trace");
        if (snapshot is null)
        {
            return;
        }

        var kubeconfig = Kubeconfig is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Kubeconfig);
        var (analysis, model) = RunCancellable(ct => MeshAnalyzer.AnalyzeWithModel(snapshot, cancellationToken: ct));
        using var tracer = new LivePathTracer(connection, new LivePathOptions
        {
            SampleInterval = TimeSpan.FromSeconds(SampleInterval),
            OnNote = notes.Enqueue,
        });
        PathReport TraceOne(string from, string to, int? port) =>
            ForCluster(RunCancellable(ct => tracer.TraceAsync(model, analysis, from, to, port, Namespace ?? connection.Namespace, ct).GetAwaiter().GetResult()), kubeconfig);
        if (All)
        {
            TraceAll(model, analysis, requests => TraceEachLive(tracer, model, analysis, requests, kubeconfig), emit);
        }
        else
        {
            emit(TraceOne(From, To, Port));
        }

        CompleteProgress(ProgressActivity);
    });

    /// <summary>The live tracer's results one by one on the pipeline thread (its pod reads run concurrently behind it).</summary>
    private IEnumerable<PathReport> TraceEachLive(LivePathTracer tracer, MeshModel model, AnalysisReport analysis, IReadOnlyList<PathRequest> requests, string? kubeconfig)
    {
        var each = tracer.TraceEachAsync(model, analysis, requests, CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (RunCancellable(_ => each.MoveNextAsync().AsTask().GetAwaiter().GetResult()))
            {
                yield return ForCluster(each.Current, kubeconfig);
            }
        }
        finally
        {
            each.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Confirm commands that point kubectl at the cluster read, when the user chose it.</summary>
    private PathReport ForCluster(PathReport report, string? kubeconfig) =>
        Context is null && kubeconfig is null
            ? report
            : report with { Hops = [.. report.Hops.Select(h => h with { Confirm = ClusterConfirmCommands.ForCluster(h.Confirm, Context, kubeconfig) })] };

    private static string? NamespaceOf(string written) => ServiceAddress.Split(written).Namespace;

    /// <summary>
    /// Every edge of the mesh graph, which holds each call the model shows (merged per target, a trace per port) and
    /// each pair an intention allows without a call; with -Namespace, those whose caller is in it.
    /// </summary>
    private void TraceAll(MeshModel model, AnalysisReport analysis, Func<IReadOnlyList<PathRequest>, IEnumerable<PathReport>> trace, Action<PathReport> emit)
    {
        const string activity = "Test-MeshPath -All";
        var requests = MeshGraphBuilder.Build(model, analysis).PathRequests(Namespace);
        var done = 0;
        // The tracers yield each result as it is traced, on this thread: progress moves and results go out as paths complete.
        ReportProgress(activity, $"{requests.Count} path(s)", 0);
        foreach (var report in trace(requests))
        {
            done++;
            ReportProgress(activity, $"{done} of {requests.Count}: {report.From} -> {report.To}", done * 100 / Math.Max(1, requests.Count));
            emit(report);
        }

        CompleteProgress(activity);
    }
}
