using MeshOps.Secrets;

namespace MeshOps.Publishing;

/// <summary>
/// One object's outcome: which object, what the apply did to it (<see cref="Status"/>), with -Wait what consul-k8s and
/// Consul made of it (<see cref="Sync"/>), why, and which fields that concerns.
/// </summary>
public sealed record PublishResult(string Kind, string Namespace, string Name, PublishStatus Status)
{
    /// <summary>Why, in the words of the API server (a conflict's manager and field, created, changed); cleaned for output.</summary>
    public string? Reason { get; init => field = OutputText.CleanOrNull(value); }

    /// <summary>With -Wait, for a consul.hashicorp.com object that was written: Synced, NotSynced or Mismatch; else null.</summary>
    public SyncStatus? Sync { get; init; }

    /// <summary>Why the sync state is what it is (the controller's message, the Consul fields that differ); cleaned for output.</summary>
    public string? SyncReason { get; init => field = OutputText.CleanOrNull(value); }

    /// <summary>The fields concerned: the conflicting field paths, or the Consul entry fields that differ.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public override string ToString() =>
        $"{Kind}/{Namespace}/{Name}: {Status}" + (Reason is null ? string.Empty : $" ({Reason})")
        + (Sync is { } sync ? $", {sync}" + (SyncReason is null ? string.Empty : $" ({SyncReason})") : string.Empty);
}
