using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// Waits for consul-k8s to report on applied resources: each poll reads the resources still pending and takes their
/// Synced condition when it was written after the apply (<see cref="SyncTarget"/>): True, written to Consul; False,
/// refused, with the controller's reason and message. What has not reported when the time is up is TimedOut, or
/// NotSinceApply when only the earlier Synced=True is there, never a success. The caller polls (and shows progress)
/// between calls, so nothing here writes to a host from another thread.
/// </summary>
public sealed class SyncWatch
{
    private readonly ConfigApplier _applier;
    private readonly List<SyncTarget> _pending;
    private readonly Dictionary<DesiredObject, SyncOutcome> _outcomes = [];
    private readonly HashSet<SyncTarget> _staleTrue = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly long _started;

    public SyncWatch(ConfigApplier applier, IEnumerable<SyncTarget> targets, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _pending = [.. targets];
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    /// <summary>How long to wait between polls: consul-k8s writes status within a reconcile, usually under a second.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(500);

    public IReadOnlyList<SyncTarget> Pending => _pending;

    public bool Done => _pending.Count == 0;

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>The outcome of an object that has one.</summary>
    public SyncOutcome? OutcomeOf(DesiredObject desired) => _outcomes.GetValueOrDefault(desired);

    /// <summary>Reads each pending resource once; past the timeout, what is still pending gets its timed-out outcome.</summary>
    /// <exception cref="Clients.Kubernetes.KubernetesRequestException">A read failed.</exception>
    public async Task PollAsync(CancellationToken cancellationToken = default)
    {
        foreach (var target in _pending.ToList())
        {
            var live = await _applier.GetAsync(target.Desired, cancellationToken).ConfigureAwait(false);
            var outcome = Synced(live);
            if (outcome is not null && target.Answers(live!))
            {
                _outcomes[target.Desired] = outcome;
                _pending.Remove(target);
            }
            else if (outcome?.State == SyncState.Synced)
            {
                _staleTrue.Add(target);
            }
            else
            {
                _staleTrue.Remove(target);
            }
        }

        if (_pending.Count > 0 && Elapsed >= _timeout)
        {
            var waited = $"{_timeout.TotalSeconds:0.#} s";
            foreach (var target in _pending)
            {
                _outcomes[target.Desired] = _staleTrue.Contains(target)
                    ? new SyncOutcome(SyncState.NotSinceApply,
                        $"timed out after {waited}: consul-k8s reported no sync since the apply (its Synced=True is from before it)")
                    : new SyncOutcome(SyncState.TimedOut,
                        $"timed out after {waited}: consul-k8s reported no Synced=True (check the controller: kubectl logs -n consul deploy/consul-connect-injector)");
            }

            _pending.Clear();
        }
    }

    /// <summary>The Synced condition's verdict, or null while consul-k8s has written none (or Unknown).</summary>
    public static SyncOutcome? Synced(JsonObject? live)
    {
        var synced = Condition(live);
        return (string?)synced?["status"] switch
        {
            "True" => new SyncOutcome(SyncState.Synced, null),
            "False" => new SyncOutcome(SyncState.Refused, string.Join(": ", new[] { (string?)synced!["reason"], (string?)synced["message"] }.Where(s => !string.IsNullOrEmpty(s)))),
            _ => null,
        };
    }

    internal static JsonObject? Condition(JsonObject? live) =>
        (live?["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Synced");
}

/// <summary>What consul-k8s reported for an apply.</summary>
public enum SyncState
{
    /// <summary>Synced=True written after the apply.</summary>
    Synced,

    /// <summary>Synced=False: consul-k8s or Consul refused the entry (the reason says why).</summary>
    Refused,

    /// <summary>No Synced=True or False in time.</summary>
    TimedOut,

    /// <summary>Only the Synced=True from before the apply in time: consul-k8s has not reconciled, or found Consul already holding the entry and wrote nothing.</summary>
    NotSinceApply,
}

/// <summary>What consul-k8s reported, with its reason.</summary>
public sealed record SyncOutcome(SyncState State, string? Reason);
