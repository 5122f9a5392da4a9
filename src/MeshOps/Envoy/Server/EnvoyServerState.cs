namespace MeshOps.Envoy.Server;

/// <summary>
/// The lifecycle state Envoy reports in <c>/server_info</c>, <c>/ready</c> and the <c>server.state</c> gauge
/// (admin/v3/server_info.proto; the gauge uses these numbers).
/// </summary>
public enum EnvoyServerState
{
    /// <summary>Serving: the only state <c>/ready</c> answers 200 for.</summary>
    Live = 0,

    /// <summary>Draining its listeners: a failed external health check (<c>POST /healthcheck/fail</c>) or a shutdown.</summary>
    Draining = 1,

    /// <summary>The cluster manager is not initialised yet.</summary>
    PreInitializing = 2,

    /// <summary>Waiting on its init targets, most often the first CDS/LDS answer from Consul's xDS server.</summary>
    Initializing = 3,

    /// <summary>A state this version of MeshOps does not know (a newer Envoy); never counted as ready.</summary>
    Unknown = -1,
}
