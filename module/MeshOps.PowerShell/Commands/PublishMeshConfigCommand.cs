using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;
using MeshOps.Model;
using MeshOps.PowerShell.Infrastructure;
using MeshOps.Publishing;
using MeshOps.Secrets;
using MeshOps.Sources;
using MeshOps.Sources.Live;
using MeshOps.Sources.Typed;

namespace MeshOps.PowerShell.Commands;

/// <summary>
/// Puts typed mesh objects (New-MeshIntention's output, the SDK's Consul kinds, and New-MeshServicePort's v1 Service and
/// New-MeshServiceAccount's v1 ServiceAccount) or manifests (-Path) into the current
/// cluster by server-side apply as field manager "meshops", and with -Wait proves consul-k8s synced them and Consul
/// holds them. Order of work, so that nothing half-done is left: -WhatIf/-Confirm before any request; the rule catalogue
/// over the objects and the live cluster; a dry run of every object; only then the writes. It never deletes.
/// </summary>
[Cmdlet(VerbsData.Publish, "MeshConfig", DefaultParameterSetName = InputObjectSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PublishResult))]
public sealed class PublishMeshConfigCommand : CompleteManifestCmdlet
{
    private const string InputObjectSet = "InputObject";
    private const string PathSet = "Path";
    private const string ProgressActivity = "Publish-MeshConfig";
    private const string SourceName = "Publish-MeshConfig";

    private readonly List<(object Item, SourceLocation? Location)> _items = [];

    // Where consul-k8s writes each entry in Consul, from the injector the rule check read: Consul Enterprise keeps
    // entries per namespace, and reading one back elsewhere finds nothing.
    private ConsulNamespaces _consulNamespaces = ConsulNamespaces.Unknown;

    [Parameter(ParameterSetName = InputObjectSet, Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = [];

    [Parameter(ParameterSetName = PathSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "FullName")]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The kubeconfig file to use instead of KUBECONFIG or ~/.kube/config (kubectl --kubeconfig).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Kubeconfig { get; set; }

    /// <summary>The kubeconfig context (kubectl --context); the current context when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Context { get; set; }

    /// <summary>Where objects that name no namespace go (kubectl apply -n); the context's namespace when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(NamespaceNameCompleter))]
    public string? Namespace { get; set; }

    /// <summary>Takes over fields another field manager owns (kubectl apply --server-side --force-conflicts).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The API server validates every object (dryRun=All) and nothing is stored.</summary>
    [Parameter]
    public SwitchParameter DryRun { get; set; }

    /// <summary>Waits for consul-k8s' Synced condition on each consul.hashicorp.com object, then compares Consul's entry with what was applied; a Service or ServiceAccount is not waited for.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>How long -Wait waits for Synced, in seconds; what has not synced by then is NotSynced.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int Timeout { get; set; } = 60;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == PathSet)
        {
            AddPaths(Path, literal: false);
            return;
        }

        foreach (var item in InputObject)
        {
            _items.Add((item is PSObject wrapped ? wrapped.BaseObject : item, null));
        }
    }

    protected override void EndProcessing()
    {
        if (ParameterSetName == PathSet)
        {
            if (LoadComplete("there is nothing to apply") is not { } manifests)
            {
                return;
            }

            _items.AddRange(manifests.Resources.Select(r => (r.Model ?? r, (SourceLocation?)r.Location)));
        }

        if (_items.Count == 0)
        {
            return;
        }

        // Opening the connection reads the kubeconfig only; no request is made before ShouldProcess has approved.
        _ = WithCluster<object>(Kubeconfig, Context, Namespace, (connection, _) =>
        {
            Publish(connection);
            return null;
        });
    }

    private void Publish(KubernetesConnection connection)
    {
        var desired = new List<DesiredObject>();
        foreach (var (item, location) in _items)
        {
            try
            {
                desired.Add(DesiredObject.From(item, connection.Namespace, location));
            }
            catch (ArgumentException invalid)
            {
                WriteError(NewErrorRecord(ErrorIds.NotAMeshObject, $"{invalid.Message}{(location is null ? string.Empty : $" ({location})")} Nothing was applied.", location?.File ?? item.GetType().Name));
                return;
            }
        }

        var action = DryRun ? "Server-side apply (dry run, nothing stored)" : $"Server-side apply as field manager '{ConfigApplier.FieldManager}'";
        var approved = desired.Where(d => ShouldProcess($"{d.Describe()} on {connection.Describe()}", action)).ToList();
        if (approved.Count == 0)
        {
            return;
        }

        if (!PassesRules(connection, approved))
        {
            return;
        }

        var applier = new ConfigApplier(connection);
        var publisher = new ConfigPublisher(applier);
        try
        {
            var run = RunWithProgress((progress, ct) => publisher.ApplyAllAsync(approved, Force, DryRun, progress, ct));
            if (run.Blocked)
            {
                ReportConflicts(run.Conflicts, "Nothing was applied.");
                return;
            }

            if (run.DryRun)
            {
                WriteObject(run.Results, enumerateCollection: true);
                return;
            }

            var written = run.Written;
            if (run.Failure is { } failure)
            {
                // What the cluster stored before the failing request is shown, so no write goes unseen.
                WriteObject(written, enumerateCollection: true);
                Fail(failure, connection, "Nothing further was applied.");
                return;
            }

            ReportConflicts(run.Conflicts, written.Count == 0
                ? "Nothing was applied."
                : $"{written.Count} object(s) before it were applied (in the output); nothing after it was.");
            if (!Wait || run.SyncTargets.Count == 0)
            {
                WriteObject(written, enumerateCollection: true);
                return;
            }

            Dictionary<ResourceRef, SyncCheck> checks;
            try
            {
                checks = WaitAndVerify(connection, applier, run.SyncTargets);
            }
            catch (Exception e) when (e is not (PipelineStoppedException or OperationCanceledException))
            {
                WriteObject(written, enumerateCollection: true);
                Fail(e, connection, "The objects in the output were applied; whether consul-k8s synced them is not known.");
                return;
            }

            WriteObject(written.Select(r => checks.TryGetValue(new ResourceRef(r.Kind, r.Namespace, r.Name), out var check)
                ? ConsulReadBack.WithSync(r, check.Outcome, check.Verdict, check.NotCompared)
                : r), enumerateCollection: true);
        }
        finally
        {
            CompleteProgress(ProgressActivity);
        }
    }

    /// <summary>A refusal (4xx but 401) is this cmdlet's error; a 5xx, 401 or lost connection goes on to WithCluster's handling.</summary>
    private void Fail(Exception failure, KubernetesConnection connection, string consequence)
    {
        if (failure is KubernetesRequestException { StatusCode: >= 400 and < 500 and not 401 } refused)
        {
            WriteError(NewErrorRecord(ErrorIds.ApplyRefused, $"{refused.Message} {consequence}", connection.Describe()));
            return;
        }

        ExceptionDispatchInfo.Capture(failure).Throw();
    }

    /// <summary>
    /// Runs the SDK's work while showing its progress: the SDK reports from whatever thread its requests complete on,
    /// and Write-Progress may only be called from the pipeline thread, so the reports are queued and written here.
    /// </summary>
    private T RunWithProgress<T>(Func<Action<PublishProgress>, CancellationToken, Task<T>> work)
    {
        using var reports = new BlockingCollection<PublishProgress>();
        var task = RunCancellable(ct => work(reports.Add, ct));
        _ = task.ContinueWith(_ => reports.CompleteAdding(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        foreach (var report in reports.GetConsumingEnumerable())
        {
            ReportProgress(ProgressActivity, report.Status, report.PercentComplete);
        }

        return RunCancellable(_ => task.GetAwaiter().GetResult());
    }

    /// <summary>The rule catalogue over the objects with the cluster around them; an Error on one of them stops everything.</summary>
    private bool PassesRules(KubernetesConnection connection, IReadOnlyList<DesiredObject> approved)
    {
        ReportProgress(ProgressActivity, "Checking the objects against the rule catalogue and the live cluster");
        var namespaces = approved.Select(d => d.Namespace).Append(connection.Namespace).Distinct(StringComparer.Ordinal).ToList();
        WriteVerbose(LiveCluster.Describe(connection, $"namespace(s) {string.Join(", ", namespaces)} for the rule check"));
        var live = RunCancellable(ct => LiveSnapshot.ReadAsync(connection, new LiveSnapshotOptions { Namespaces = namespaces }, ct).GetAwaiter().GetResult());
        foreach (var error in live.Errors)
        {
            WriteWarning(SecretRedactor.Redact($"The rule check could not read part of the cluster: {error}"));
        }

        var desiredSet = TypedObjectSource.Read(approved.Select(d => d.Model), SourceName);
        var check = RunCancellable(ct => DesiredConfigCheck.Check(desiredSet, live, AnalysisOptions.Default, ct));
        _consulNamespaces = check.ConsulNamespaces;
        foreach (var finding in check.Blocking)
        {
            var at = approved.FirstOrDefault(d => d.Kind == finding.Resource.Kind && d.Name == finding.Resource.Name);
            WriteError(NewErrorRecord(ErrorIds.ApplyBlockedByRule,
                $"{finding.RuleId} on {at?.Describe() ?? finding.Resource.ToString()}: {finding.Message} Fix: {finding.Fix} Nothing was applied.",
                finding.RuleId));
        }

        return check.Passed;
    }

    private void ReportConflicts(IEnumerable<PublishResult> conflicts, string consequence)
    {
        foreach (var conflict in conflicts)
        {
            WriteObject(conflict);
            WriteError(NewErrorRecord(ErrorIds.ApplyConflict,
                $"{conflict.Kind}/{conflict.Namespace}/{conflict.Name}: {conflict.Reason} Conflicting: {string.Join(", ", conflict.Fields)}. {consequence}",
                $"{conflict.Kind}/{conflict.Namespace}/{conflict.Name}"));
        }
    }

    /// <summary>-Wait: consul-k8s' Synced condition for this apply, then Consul's entry read where that says anything.</summary>
    private Dictionary<ResourceRef, SyncCheck> WaitAndVerify(KubernetesConnection connection, ConfigApplier applier, IReadOnlyList<SyncTarget> targets)
    {
        var watch = new SyncWatch(applier, targets, TimeSpan.FromSeconds(Timeout));
        while (true)
        {
            ReportProgress(ProgressActivity,
                $"Waiting for consul-k8s to report Synced: {watch.Pending.Count} of {targets.Count} pending, {watch.Elapsed.TotalSeconds:0} s of {Timeout} s",
                100 * (targets.Count - watch.Pending.Count) / targets.Count);
            RunCancellable(ct =>
            {
                watch.PollAsync(ct).GetAwaiter().GetResult();
                return true;
            });
            if (watch.Done)
            {
                break;
            }

            if (CancellationToken.WaitHandle.WaitOne(SyncWatch.PollInterval))
            {
                throw new PipelineStoppedException();
            }
        }

        // A Synced=True from before the apply is read against Consul too: consul-k8s stamps nothing when Consul already holds the spec.
        static bool Readable(SyncOutcome outcome) => outcome.State is SyncState.Synced or SyncState.NotSinceApply;
        var consul = targets.Any(t => Readable(watch.OutcomeOf(t.Desired)!)) ? OpenConsul(connection) : null;
        using (consul)
        {
            var checks = new Dictionary<ResourceRef, SyncCheck>();
            foreach (var target in targets)
            {
                var outcome = watch.OutcomeOf(target.Desired)!;
                var verdict = consul is not null && Readable(outcome) ? VerifyInConsul(consul, target.Desired) : null;
                checks[target.Desired.Ref] = new SyncCheck(outcome, verdict, consul is null
                    ? "Consul could not be reached, so its entry was not compared (-Verbose says why)"
                    : "Consul's entry could not be read, so it was not compared");
            }

            return checks;
        }
    }

    private SyncVerdict? VerifyInConsul(ConsulConnection consul, DesiredObject desired)
    {
        try
        {
            return RunCancellable(ct => ConsulReadBack.VerifyAsync(consul.Client, desired, _consulNamespaces, ct).GetAwaiter().GetResult());
        }
        catch (EndpointException unreachable)
        {
            WriteWarning(SecretRedactor.Redact($"{desired.Ref}: Consul's entry could not be read: {unreachable.Message}"));
            return null;
        }
    }

    /// <summary>Consul as Test-MeshPath reaches it (CONSUL_HTTP_ADDR, else a port-forward to a server pod); null, with the reason on -Verbose, when it cannot be.</summary>
    private ConsulConnection? OpenConsul(KubernetesConnection connection)
    {
        try
        {
            var consul = RunCancellable(ct => ConsulServerPod.ConnectAsync(connection, cancellationToken: ct).GetAwaiter().GetResult());
            WriteVerbose(SecretRedactor.Redact(consul.Via is null
                ? $"Consul: {consul.Client.Settings.BaseAddress} ({consul.Client.Settings.AddressOrigin})"
                : $"Consul: through a port-forward to pod {consul.Via} port {ConsulServerPod.HttpPort}"));
            return consul;
        }
        catch (Exception e) when (e is InvalidOperationException or KubernetesRequestException or EndpointException or ConsulSettingsException)
        {
            WriteVerbose(SecretRedactor.Redact($"Consul could not be reached, so config entries are not compared: {e.Message}"));
            return null;
        }
    }
}

/// <summary>What -Wait learnt of one object: consul-k8s' outcome, Consul's verdict when read, and why it was not.</summary>
internal sealed record SyncCheck(SyncOutcome Outcome, SyncVerdict? Verdict, string NotCompared);
