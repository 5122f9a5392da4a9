namespace MeshOps.Envoy;

/// <summary>What a cluster of a Consul sidecar stands for, read from its name.</summary>
public enum EnvoyClusterRole
{
    /// <summary>A name Consul does not give (a user's escape-hatch cluster, another mesh's name).</summary>
    Other,

    /// <summary>A service in this or another datacenter: <c>svc.ns.dc.internal.td</c> or <c>svc.ns.ap.dc.internal-v1.td</c>.</summary>
    Upstream,

    /// <summary>A service imported from a cluster peer: <c>svc.ns.ap.peer.external.td</c>.</summary>
    PeeredUpstream,

    /// <summary>A prepared query upstream: <c>query.default.dc.query.td</c>.</summary>
    PreparedQuery,

    /// <summary>The application behind the sidecar (<c>local_app</c>).</summary>
    LocalApp,

    /// <summary>The sidecar's xDS source: the client agent (<c>local_agent</c>) or consul-dataplane (<c>consul-dataplane</c>).</summary>
    ControlPlane,

    /// <summary>Transparent proxy's pass-through for destinations outside the mesh (<c>original-destination</c>).</summary>
    OriginalDestination,

    /// <summary>The metrics or admin back ends Consul adds (<c>prometheus_backend</c>, <c>self_admin</c>).</summary>
    Telemetry,
}
