using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// Server-side apply of a set of resources, all or nothing where the API server lets us: every object is read and
/// applied with dryRun=All first (the server validates it, and names any field another manager owns), and only when
/// every one passed is anything written, so a bad third object does not leave two applied.
/// </summary>
public sealed class ConfigPublisher(ConfigApplier applier)
{
    private readonly ConfigApplier _applier = applier ?? throw new ArgumentNullException(nameof(applier));

    /// <summary>Reads and dry-runs each object; the plan is <see cref="PublishPlan.Blocked"/> when any conflicts.</summary>
    /// <exception cref="Clients.Kubernetes.KubernetesRequestException">The server refused an object or could not be reached: nothing was written.</exception>
    public async Task<PublishPlan> PrepareAsync(IReadOnlyList<DesiredObject> objects, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var items = new List<PlannedApply>();
        foreach (var desired in objects)
        {
            var before = await _applier.GetAsync(desired, cancellationToken).ConfigureAwait(false);
            var answer = await _applier.ApplyAsync(desired, dryRun: true, force, cancellationToken).ConfigureAwait(false);
            items.Add(new PlannedApply(desired, before, answer));
        }

        return new PublishPlan(items);
    }

    /// <summary>
    /// The whole publish: a dry run of every object, then (unless <paramref name="dryRun"/> or a dry run conflicted)
    /// each applied in order, stopping at a conflict met after the dry run (another manager took a field since) rather
    /// than applying the rest around it. A request that fails ends the run with <see cref="PublishRun.Failure"/> and
    /// the objects stored before it, so no write goes unseen. <paramref name="progress"/> is called on whatever thread
    /// the requests complete on.
    /// </summary>
    public async Task<PublishRun> ApplyAllAsync(IReadOnlyList<DesiredObject> objects, bool force, bool dryRun,
        Action<PublishProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(objects);
        progress?.Invoke(new PublishProgress($"Validating {objects.Count} object(s) with a dry run", -1));
        PublishPlan plan;
        try
        {
            plan = await PrepareAsync(objects, force, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PublishRun([]) { Failure = e };
        }

        if (plan.Blocked || dryRun)
        {
            return new PublishRun(plan.DryRunResults) { Blocked = plan.Blocked, DryRun = dryRun };
        }

        var results = new List<PublishResult>();
        var targets = new List<SyncTarget>();
        foreach (var item in plan.Items)
        {
            progress?.Invoke(new PublishProgress($"Applying {item.Desired.Ref}", 100 * results.Count / plan.Items.Count));
            ApplyAnswer answer;
            try
            {
                answer = await _applier.ApplyAsync(item.Desired, dryRun: false, force, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return new PublishRun(results) { SyncTargets = targets, Failure = e };
            }

            var result = Outcome(item.Desired, item.Before, answer);
            results.Add(result);
            if (result.Status == PublishStatus.Conflict)
            {
                break;
            }

            // Only consul-k8s' resources have a Synced condition; a Service or ServiceAccount is done when it is stored.
            if (!item.Desired.IsCore)
            {
                targets.Add(SyncTarget.For(item.Desired, item.Before, answer.Stored));
            }
        }

        return new PublishRun(results) { SyncTargets = targets };
    }

    /// <summary>What an answer means for the object: a conflict, or whether the stored object differs from the one before.</summary>
    public static PublishResult Outcome(DesiredObject desired, JsonObject? before, ApplyAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(answer);
        var result = new PublishResult(desired.Kind, desired.Namespace, desired.Name, PublishStatus.Applied);
        if (answer.Conflict is { } conflict)
        {
            return result with
            {
                Status = PublishStatus.Conflict,
                Reason = $"{conflict.Message} (another field manager owns these fields; change them with that tool, or take them over with -Force)",
                Fields = [.. conflict.Fields.Select(f => f.ToString())],
            };
        }

        return ObjectContent.Same(before, answer.Stored)
            ? result with { Status = PublishStatus.Unchanged, Reason = "the cluster already holds this object as applied" }
            : result with { Reason = before is null ? "created" : "changed" };
    }
}

/// <summary>The objects of one publish, each read and dry-run applied.</summary>
public sealed record PublishPlan(IReadOnlyList<PlannedApply> Items)
{
    /// <summary>True when any object conflicts: then nothing may be written.</summary>
    public bool Blocked => Items.Any(i => i.DryRun.Conflict is not null);

    /// <summary>What each dry run says would happen (Applied, Unchanged or Conflict).</summary>
    public IReadOnlyList<PublishResult> DryRunResults => [.. Items.Select(i => ConfigPublisher.Outcome(i.Desired, i.Before, i.DryRun))];
}

/// <summary>One object of a plan: what it is, the object as it was before, and the dry run's answer.</summary>
public sealed record PlannedApply(DesiredObject Desired, JsonObject? Before, ApplyAnswer DryRun);

/// <summary>
/// What a publish did: <see cref="Results"/> holds the dry run's answers when <see cref="Blocked"/> or
/// <see cref="DryRun"/>, else one result per object applied, a final Conflict included.
/// </summary>
public sealed record PublishRun(IReadOnlyList<PublishResult> Results)
{
    /// <summary>A dry run conflicted, so nothing was written.</summary>
    public bool Blocked { get; init; }

    /// <summary>Only the dry run was asked for: nothing was written.</summary>
    public bool DryRun { get; init; }

    /// <summary>The consul.hashicorp.com objects written, for -Wait.</summary>
    public IReadOnlyList<SyncTarget> SyncTargets { get; init; } = [];

    /// <summary>The request that failed, ending the run; what was stored before it is in <see cref="Written"/>.</summary>
    public Exception? Failure { get; init; }

    /// <summary>The objects the cluster stored (Applied or Unchanged), in the order applied.</summary>
    public IReadOnlyList<PublishResult> Written => Blocked || DryRun ? [] : [.. Results.Where(r => r.Status != PublishStatus.Conflict)];

    /// <summary>The conflicts: from the dry run when Blocked, else the one the apply stopped at.</summary>
    public IReadOnlyList<PublishResult> Conflicts => [.. Results.Where(r => r.Status == PublishStatus.Conflict)];
}

/// <summary>Where a publish is: what it is doing, and how far as a percentage (-1 when not known).</summary>
public sealed record PublishProgress(string Status, int PercentComplete);
