namespace MeshOps.Envoy.Server;

/// <summary>The names Envoy prints for <see cref="EnvoyServerState"/>, and what each means for a sidecar.</summary>
public static class EnvoyServerStates
{
    /// <summary>The state Envoy names <paramref name="name"/> (<c>LIVE</c>; Envoy 1.8's plain line wrote <c>live</c>).</summary>
    public static EnvoyServerState Parse(string name) => name.ToUpperInvariant() switch
    {
        "LIVE" => EnvoyServerState.Live,
        "DRAINING" => EnvoyServerState.Draining,
        "PRE_INITIALIZING" => EnvoyServerState.PreInitializing,
        "INITIALIZING" => EnvoyServerState.Initializing,
        _ => EnvoyServerState.Unknown,
    };

    /// <summary>Why a sidecar in this state is (not) ready, and where to look next.</summary>
    public static string Explain(EnvoyServerState state, string stateName) => state switch
    {
        EnvoyServerState.Live => "Envoy is LIVE: its listeners serve traffic.",
        EnvoyServerState.Draining =>
            "Envoy is DRAINING: its listeners take no new connections (a failed external health check, POST /healthcheck/fail, or the pod shutting down).",
        EnvoyServerState.PreInitializing =>
            "Envoy is PRE_INITIALIZING: its cluster manager has not started; it has only just begun.",
        EnvoyServerState.Initializing =>
            "Envoy is INITIALIZING: it still waits for its clusters and listeners from Consul's xDS server; a sidecar stuck here cannot reach Consul " +
            "(check the consul-dataplane container's log and /init_dump).",
        _ => $"Envoy reports the state '{stateName}', which MeshOps does not know; it is not counted as ready.",
    };
}
