namespace MeshOps.Envoy.Config;

/// <summary>Where a resource sits in <c>/config_dump</c>: bootstrap (static), or pushed by xDS and in which state.</summary>
public enum EnvoyConfigState
{
    /// <summary>From the bootstrap (<c>static_listeners</c>, <c>static_clusters</c>, …).</summary>
    Static,

    /// <summary>Received over xDS and in use.</summary>
    Active,

    /// <summary>Received, waiting for its dependencies (a listener's routes, a cluster's endpoints) before it is used.</summary>
    Warming,

    /// <summary>Replaced or removed; still serving the connections it had.</summary>
    Draining,

    /// <summary>Only a rejected (NACKed) update is known: Envoy never accepted this resource (see <c>ErrorDetails</c>).</summary>
    Rejected,
}
