using MeshOps.Clients;
using MeshOps.Clients.Consul;

namespace MeshOps.Publishing;

/// <summary>
/// After Synced=True: reads the config entry consul-k8s wrote back from Consul and compares it with what was applied,
/// so an entry someone changed in Consul directly (consul config write), or a controller that wrote something else,
/// is reported as a Mismatch with the fields that differ.
/// </summary>
public static class ConsulReadBack
{
    /// <summary>Synced when Consul's entry holds what was applied, Mismatch otherwise.</summary>
    /// <exception cref="EndpointException">Consul could not be asked.</exception>
    public static async Task<PublishResult> VerifyAsync(ConsulClient consul, DesiredObject desired, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consul);
        ArgumentNullException.ThrowIfNull(desired);
        var synced = new PublishResult(desired.Kind, desired.Namespace, desired.Name, PublishStatus.Synced);
        if (ConsulEntryComparison.EntryOf(desired) is not { } target)
        {
            return synced with { Reason = "Synced=True; no Consul config entry to compare for this kind" };
        }

        var (kind, name) = target;

        var entry = await consul.GetConfigEntryAsync(kind, name, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return synced with
            {
                Status = PublishStatus.Mismatch,
                Reason = $"consul-k8s reports Synced=True, but Consul has no {kind} entry '{name}' (consul config read -kind {kind} -name {name})",
            };
        }

        var differences = ConsulEntryComparison.Differences(desired, entry.Json);
        return differences.Count == 0
            ? synced with { Reason = $"Consul's {kind} entry '{name}' holds what was applied" }
            : synced with
            {
                Status = PublishStatus.Mismatch,
                Reason = $"Consul's {kind} entry '{name}' differs: {string.Join("; ", differences)}",
                Fields = [.. differences.Select(d => d.Field)],
            };
    }
}
