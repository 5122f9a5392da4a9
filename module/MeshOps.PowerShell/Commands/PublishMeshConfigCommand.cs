using System.Management.Automation;
using MeshOps.Analysis;
using MeshOps.Authoring;
using MeshOps.Clients;
using MeshOps.Clients.Consul;
using MeshOps.Clients.Kubernetes;
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
        // What the cluster stored so far: reported even when a later request fails, so no write goes unseen.
        var applied = new List<PublishResult>();
        var reported = false;
        try
        {
            ReportProgress(ProgressActivity, $"Validating {approved.Count} object(s) with a dry run");
            var plan = RunCancellable(ct => publisher.PrepareAsync(approved, Force, ct).GetAwaiter().GetResult());
            if (plan.Blocked)
            {
                ReportConflicts(plan.DryRunResults);
                return;
            }

            if (DryRun)
            {
                WriteObject(plan.DryRunResults, enumerateCollection: true);
                return;
            }

            foreach (var item in plan.Items)
            {
                ReportProgress(ProgressActivity, $"Applying {item.Desired.Ref}", 100 * applied.Count / plan.Items.Count);
                var result = RunCancellable(ct => publisher.ApplyAsync(item, Force, ct).GetAwaiter().GetResult());
                applied.Add(result);
                if (result.Status == PublishStatus.Conflict)
                {
                    // Another manager took a field after the dry run: stop here rather than apply the rest around it.
                    break;
                }
            }

            CompleteProgress(ProgressActivity);
            var written = applied.Where(r => r.Status != PublishStatus.Conflict).ToList();
            ReportConflicts(applied, written.Count == 0
                ? "Nothing was applied."
                : $"{written.Count} object(s) before it were applied (in the output); nothing after it was.");
            if (!Wait)
            {
                reported = true;
                WriteObject(written, enumerateCollection: true);
                return;
            }

            // Only consul-k8s' resources have a Synced condition and a Consul entry; a Service or ServiceAccount is
            // done when the API server stored it, so its apply result stands.
            var waitFor = approved.Where(d => !d.IsCore && written.Any(r => Same(r, d))).ToList();
            var verified = waitFor.Count == 0 ? [] : WaitAndVerify(connection, applier, waitFor);
            reported = true;
            WriteObject(written.Select(r => verified.FirstOrDefault(v => v.Kind == r.Kind && v.Namespace == r.Namespace && v.Name == r.Name) ?? r), enumerateCollection: true);
        }
        catch (KubernetesRequestException refused) when (refused.StatusCode is >= 400 and < 500 and not 401)
        {
            ReportWritten(applied, ref reported);
            WriteError(NewErrorRecord(ErrorIds.ApplyRefused, refused.Message + " Nothing further was applied.", connection.Describe()));
        }
        catch (Exception e) when (e is not (PipelineStoppedException or OperationCanceledException))
        {
            // A 5xx, 401 or lost connection goes on to WithCluster's handling, after what was stored is shown.
            ReportWritten(applied, ref reported);
            throw;
        }
        finally
        {
            CompleteProgress(ProgressActivity);
        }
    }

    private static bool Same(PublishResult result, DesiredObject desired) =>
        result.Kind == desired.Kind && result.Namespace == desired.Namespace && result.Name == desired.Name;

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
        foreach (var finding in check.Blocking)
        {
            var at = approved.FirstOrDefault(d => d.Kind == finding.Resource.Kind && d.Name == finding.Resource.Name);
            WriteError(NewErrorRecord(ErrorIds.ApplyBlockedByRule,
                $"{finding.RuleId} on {at?.Describe() ?? finding.Resource.ToString()}: {finding.Message} Fix: {finding.Fix} Nothing was applied.",
                finding.RuleId));
        }

        return check.Passed;
    }

    /// <summary>Writes the objects already stored when a request fails part-way, once.</summary>
    private void ReportWritten(IEnumerable<PublishResult> applied, ref bool reported)
    {
        if (!reported)
        {
            reported = true;
            WriteObject(applied.Where(r => r.Status != PublishStatus.Conflict).ToList(), enumerateCollection: true);
        }
    }

    private void ReportConflicts(IEnumerable<PublishResult> results, string consequence = "Nothing was applied.")
    {
        foreach (var conflict in results.Where(r => r.Status == PublishStatus.Conflict))
        {
            WriteObject(conflict);
            WriteError(NewErrorRecord(ErrorIds.ApplyConflict,
                $"{conflict.Kind}/{conflict.Namespace}/{conflict.Name}: {conflict.Reason} Conflicting: {string.Join(", ", conflict.Fields)}. {consequence}",
                $"{conflict.Kind}/{conflict.Namespace}/{conflict.Name}"));
        }
    }

    /// <summary>-Wait: Synced from consul-k8s, then Consul's entry compared, one result per object.</summary>
    private List<PublishResult> WaitAndVerify(KubernetesConnection connection, ConfigApplier applier, IReadOnlyList<DesiredObject> objects)
    {
        var watch = new SyncWatch(applier, objects, TimeSpan.FromSeconds(Timeout));
        while (true)
        {
            ReportProgress(ProgressActivity,
                $"Waiting for consul-k8s to report Synced: {watch.Pending.Count} of {objects.Count} pending, {watch.Elapsed.TotalSeconds:0} s of {Timeout} s",
                objects.Count == 0 ? 100 : 100 * (objects.Count - watch.Pending.Count) / objects.Count);
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

        ConsulConnection? consul = null;
        if (objects.Any(d => watch.OutcomeOf(d)?.Synced == true))
        {
            consul = OpenConsul(connection);
        }

        using (consul)
        {
            var results = new List<PublishResult>();
            foreach (var desired in objects)
            {
                var outcome = watch.OutcomeOf(desired)!;
                var result = new PublishResult(desired.Kind, desired.Namespace, desired.Name, PublishStatus.Synced);
                if (!outcome.Synced)
                {
                    results.Add(result with { Status = PublishStatus.NotSynced, Reason = outcome.Reason });
                }
                else if (consul is null)
                {
                    results.Add(result with { Reason = "Synced=True; Consul could not be reached, so its entry was not compared (-Verbose says why)" });
                }
                else
                {
                    results.Add(VerifyInConsul(consul, desired, result));
                }
            }

            return results;
        }
    }

    private PublishResult VerifyInConsul(ConsulConnection consul, DesiredObject desired, PublishResult synced)
    {
        try
        {
            return RunCancellable(ct => ConsulReadBack.VerifyAsync(consul.Client, desired, ct).GetAwaiter().GetResult());
        }
        catch (EndpointException unreachable)
        {
            WriteWarning(SecretRedactor.Redact($"{desired.Ref}: Consul's entry could not be read: {unreachable.Message}"));
            return synced with { Reason = "Synced=True; Consul's entry could not be read, so it was not compared" };
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
