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

    /// <summary>Applies one planned object for real: Applied, Unchanged, or Conflict when another manager took a field since the dry run.</summary>
    /// <exception cref="Clients.Kubernetes.KubernetesRequestException">The server refused the object or could not be reached.</exception>
    public async Task<PublishResult> ApplyAsync(PlannedApply planned, bool force, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(planned);
        var answer = await _applier.ApplyAsync(planned.Desired, dryRun: false, force, cancellationToken).ConfigureAwait(false);
        return Outcome(planned.Desired, planned.Before, answer);
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
