using System.Globalization;
using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// An applied consul.hashicorp.com object to wait for, and what makes a Synced condition an answer to this apply
/// rather than to an earlier one. consul-k8s keeps the old condition until it reconciles and writes no
/// observedGeneration, so right after an update the resource still says Synced=True about the previous spec. On
/// success it stamps status.lastSyncedTime (and the condition's lastTransitionTime, also on a refusal) with its own
/// time.Now() (syncSuccessful and SetSyncedCondition in consul-k8s' configentry_controller.go and api/v1alpha1).
/// </summary>
/// <param name="AppliedAt">
/// The API server's time of the write: managedFields[].time of manager meshops in the apply's answer. The server's
/// clock, not this machine's, since a laptop's clock can be minutes off the cluster's while the API server and the
/// consul-k8s pod keep theirs by NTP; a response's Date header would do as well but the typed client does not show it.
/// Null when the spec did not change (consul-k8s then has nothing to write and stamps nothing) or the answer has no time.
/// </param>
/// <param name="StatusBefore">The Synced condition's time before the apply: a condition no later than it is the old one.</param>
public sealed record SyncTarget(DesiredObject Desired, DateTimeOffset? AppliedAt, DateTimeOffset? StatusBefore)
{
    /// <summary>The target for an object read as <paramref name="before"/> and stored as <paramref name="stored"/>.</summary>
    public static SyncTarget For(DesiredObject desired, JsonObject? before, JsonObject? stored)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (before is not null && stored is not null && JsonNode.DeepEquals(before["spec"], stored["spec"]))
        {
            return new SyncTarget(desired, null, null);
        }

        return new SyncTarget(desired, AppliedTime(stored), before is null ? null : StatusTime(before));
    }

    /// <summary>True when the condition read from <paramref name="live"/> was written after this apply.</summary>
    public bool Answers(JsonObject live) =>
        (AppliedAt is null && StatusBefore is null)
        || (StatusTime(live) is { } written && (AppliedAt is null || written >= AppliedAt) && (StatusBefore is null || written > StatusBefore));

    /// <summary>When consul-k8s last wrote the Synced condition: lastSyncedTime after a success, else the condition's lastTransitionTime.</summary>
    public static DateTimeOffset? StatusTime(JsonObject live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var condition = SyncWatch.Condition(live);
        return (string?)condition?["status"] == "True" && Time(live["status"]?["lastSyncedTime"]) is { } synced
            ? synced
            : Time(condition?["lastTransitionTime"]);
    }

    // metav1.Time is RFC 3339 in whole seconds, so a reconcile in the second of the apply has the apply's time.
    private static DateTimeOffset? AppliedTime(JsonObject? stored) =>
        (stored?["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => (string?)e["manager"] == ConfigApplier.FieldManager && (string?)e["operation"] == "Apply")
            .Select(e => Time(e["time"]))
            .FirstOrDefault(t => t is not null);

    private static DateTimeOffset? Time(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;
}
