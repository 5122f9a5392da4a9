namespace MeshOps.Envoy.Server;

/// <summary>
/// Whether one sidecar's Envoy serves traffic, and if not why: Test-EnvoyReady's answer per sidecar. A sidecar that
/// could not be asked gets no readiness at all (an error instead): no answer is never ready.
/// </summary>
public sealed record EnvoyReadiness
{
    public required EnvoySource Source { get; init; }

    /// <summary>The pod whose sidecar answered (= Source.Pod).</summary>
    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    /// <summary>True only when Envoy is LIVE.</summary>
    public required bool Ready { get; init; }

    public required EnvoyServerState State { get; init; }

    /// <summary>The state as Envoy printed it.</summary>
    public required string StateName { get; init; }

    /// <summary>What the state means for traffic, and where to look next.</summary>
    public required string Reason { get; init; }

    /// <summary>The Envoy release, when <c>/server_info</c> was read.</summary>
    public string? Version { get; init; }

    /// <summary>How long the process runs, when <c>/server_info</c> was read: a sidecar that restarts keeps a short uptime.</summary>
    public TimeSpan? Uptime { get; init; }

    /// <summary>The whole <c>/server_info</c> answer, when it was read.</summary>
    public EnvoyServerInfo? ServerInfo { get; init; }

    public static EnvoyReadiness From(EnvoyServerInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return From(info.Source, info.State, info.StateName, info);
    }

    internal static EnvoyReadiness From(EnvoySource source, EnvoyServerState state, string stateName, EnvoyServerInfo? info) => new()
    {
        Source = source,
        Ready = state == EnvoyServerState.Live,
        State = state,
        StateName = stateName,
        Reason = EnvoyServerStates.Explain(state, stateName),
        Version = info?.Version,
        Uptime = info?.Uptime,
        ServerInfo = info,
    };
}
