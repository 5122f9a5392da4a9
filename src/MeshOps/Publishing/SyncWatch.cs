using System.Text.Json.Nodes;

namespace MeshOps.Publishing;

/// <summary>
/// Waits for consul-k8s to report on applied resources: each poll reads the resources still pending and takes their
/// Synced condition (True: written to Consul; False: refused, with the controller's reason and message). What has not
/// reported True or False when the time is up is NotSynced, "timed out", never a success. The caller polls (and shows
/// progress) between calls, so nothing here writes to a host from another thread.
/// </summary>
public sealed class SyncWatch
{
    private readonly ConfigApplier _applier;
    private readonly List<DesiredObject> _pending;
    private readonly Dictionary<DesiredObject, SyncOutcome> _outcomes = [];
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly long _started;

    public SyncWatch(ConfigApplier applier, IEnumerable<DesiredObject> objects, TimeSpan timeout, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _pending = [.. objects];
        _timeout = timeout;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    /// <summary>How long to wait between polls: consul-k8s writes status within a reconcile, usually under a second.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(500);

    public IReadOnlyList<DesiredObject> Pending => _pending;

    public bool Done => _pending.Count == 0;

    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>The outcome of each object that has one, in the order given.</summary>
    public SyncOutcome? OutcomeOf(DesiredObject desired) => _outcomes.GetValueOrDefault(desired);

    /// <summary>Reads each pending resource once; past the timeout, what is still pending is NotSynced.</summary>
    /// <exception cref="Clients.Kubernetes.KubernetesRequestException">A read failed.</exception>
    public async Task PollAsync(CancellationToken cancellationToken = default)
    {
        foreach (var desired in _pending.ToList())
        {
            var live = await _applier.GetAsync(desired, cancellationToken).ConfigureAwait(false);
            if (Synced(live) is { } outcome)
            {
                _outcomes[desired] = outcome;
                _pending.Remove(desired);
            }
        }

        if (_pending.Count > 0 && Elapsed >= _timeout)
        {
            foreach (var desired in _pending)
            {
                _outcomes[desired] = new SyncOutcome(false,
                    $"timed out after {_timeout.TotalSeconds:0.#} s: consul-k8s reported no Synced=True (check the controller: kubectl logs -n consul deploy/consul-connect-injector)");
            }

            _pending.Clear();
        }
    }

    /// <summary>The Synced condition's verdict, or null while consul-k8s has written none (or Unknown).</summary>
    public static SyncOutcome? Synced(JsonObject? live)
    {
        var synced = (live?["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Synced");
        return (string?)synced?["status"] switch
        {
            "True" => new SyncOutcome(true, null),
            "False" => new SyncOutcome(false, string.Join(": ", new[] { (string?)synced!["reason"], (string?)synced["message"] }.Where(s => !string.IsNullOrEmpty(s)))),
            _ => null,
        };
    }
}

/// <summary>What consul-k8s reported: Synced, or not with its reason.</summary>
public sealed record SyncOutcome(bool Synced, string? Reason);
