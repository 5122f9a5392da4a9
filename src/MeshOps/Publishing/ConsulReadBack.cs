using MeshOps.Clients;
using MeshOps.Clients.Consul;

namespace MeshOps.Publishing;

/// <summary>
/// After consul-k8s reports: reads the config entry it wrote back from Consul and compares it with what was applied,
/// so an entry someone changed in Consul directly (consul config write), or a controller that wrote something else,
/// is reported as a Mismatch with the fields that differ; and joins that with what consul-k8s said into the result.
/// </summary>
public static class ConsulReadBack
{
    /// <summary>
    /// Synced when Consul's entry holds what was applied, Mismatch otherwise. With Enterprise namespaces
    /// (<paramref name="namespaces"/>, from the injector's flags) the entry is read in the namespace consul-k8s wrote it to.
    /// </summary>
    /// <exception cref="EndpointException">Consul could not be asked.</exception>
    public static async Task<SyncVerdict> VerifyAsync(ConsulClient consul, DesiredObject desired, Model.ConsulNamespaces? namespaces = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consul);
        ArgumentNullException.ThrowIfNull(desired);
        if (ConsulEntryComparison.EntryOf(desired) is not { } target)
        {
            return new SyncVerdict(SyncStatus.Synced, "no Consul config entry to compare for this kind", []);
        }

        var (kind, name) = target;
        var consulNamespace = ConsulEntryComparison.NamespaceOf(desired, namespaces ?? Model.ConsulNamespaces.Unknown);
        var entry = await consul.GetConfigEntryAsync(kind, name, consulNamespace, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            var inNamespace = consulNamespace is null ? "" : $" in namespace {consulNamespace}";
            var flag = consulNamespace is null ? "" : $" -namespace {consulNamespace}";
            return new SyncVerdict(SyncStatus.Mismatch, $"Consul has no {kind} entry '{name}'{inNamespace} (consul config read -kind {kind} -name {name}{flag})", []);
        }

        var differences = ConsulEntryComparison.Differences(desired, entry.Json);
        return differences.Count == 0
            ? new SyncVerdict(SyncStatus.Synced, $"Consul's {kind} entry '{name}' holds what was applied", [])
            : new SyncVerdict(SyncStatus.Mismatch, $"Consul's {kind} entry '{name}' differs: {string.Join("; ", differences)}", [.. differences.Select(d => d.Field)]);
    }

    /// <summary>
    /// The apply's result with its sync state: consul-k8s' outcome and, when Consul's entry was read, its verdict;
    /// <paramref name="notCompared"/> says why it was not read.
    /// </summary>
    public static PublishResult WithSync(PublishResult applied, SyncOutcome outcome, SyncVerdict? inConsul, string notCompared)
    {
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(outcome);
        return (outcome.State, inConsul) switch
        {
            (SyncState.Synced, null) => applied with { Sync = SyncStatus.Synced, SyncReason = $"Synced=True; {notCompared}" },
            (SyncState.Synced, { Status: SyncStatus.Mismatch } verdict) => applied with
            {
                Sync = SyncStatus.Mismatch,
                SyncReason = $"consul-k8s reports Synced=True, but {verdict.Reason}",
                Fields = verdict.Fields,
            },
            (SyncState.Synced, { } verdict) => applied with { Sync = SyncStatus.Synced, SyncReason = verdict.Reason },
            // consul-k8s stamps no new time when it finds Consul already holding the spec (MatchesConsul): then Consul's entry decides.
            (SyncState.NotSinceApply, { Status: SyncStatus.Synced } verdict) => applied with
            {
                Sync = SyncStatus.Synced,
                SyncReason = $"{verdict.Reason}; consul-k8s wrote no new Synced time (it writes none when Consul already holds the entry)",
            },
            (SyncState.NotSinceApply, { } verdict) => applied with
            {
                Sync = SyncStatus.NotSynced,
                SyncReason = $"{outcome.Reason}; {verdict.Reason}",
                Fields = verdict.Fields,
            },
            _ => applied with { Sync = SyncStatus.NotSynced, SyncReason = outcome.Reason },
        };
    }
}

/// <summary>What Consul's entry says about an applied object: Synced (it holds it) or Mismatch (the fields that differ).</summary>
public sealed record SyncVerdict(SyncStatus Status, string Reason, IReadOnlyList<string> Fields);
