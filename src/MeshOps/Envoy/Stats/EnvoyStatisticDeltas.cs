namespace MeshOps.Envoy.Stats;

/// <summary>Deltas and rates between two reads of one sidecar's stats.</summary>
public static class EnvoyStatisticDeltas
{
    /// <summary>
    /// One delta per counter or gauge of <paramref name="current"/>, in its order. A counter lower than before was reset
    /// (Envoy restarted, or <c>POST /reset_counters</c>): its delta is what it counted since, as Prometheus' rate() takes it.
    /// </summary>
    public static IReadOnlyList<EnvoyStatisticDelta> Compute(IReadOnlyList<EnvoyStatistic> previous, IReadOnlyList<EnvoyStatistic> current, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        if (interval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval between two reads must be positive.");
        var before = new Dictionary<string, double>(previous.Count, StringComparer.Ordinal);
        foreach (var stat in previous)
        {
            if (stat.Value is { } value)
                before[Key(stat)] = value;
        }

        var deltas = new List<EnvoyStatisticDelta>(current.Count);
        foreach (var stat in current)
        {
            if (stat.Value is not { } now)
                continue;
            double? then = before.TryGetValue(Key(stat), out var known) ? known : null;
            var reset = stat.Type == EnvoyStatisticType.Counter && then > now;
            var delta = reset ? now : now - (then ?? 0);
            deltas.Add(new EnvoyStatisticDelta(stat.Name, stat.Type, then, now, delta, delta / interval.TotalSeconds, interval, reset, stat.Cluster, stat.Labels, stat.Source));
        }

        return deltas;
    }

    private static string Key(EnvoyStatistic stat) => stat.Labels is null ? stat.Name : stat.Name + "{" + stat.Labels + "}";
}
