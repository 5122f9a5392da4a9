namespace MeshOps.Paths;

/// <summary>
/// The hops of a call, in the order traffic takes them. The names are a contract (issue 13): scripts filter on them.
/// </summary>
public enum PathHopName
{
    /// <summary>The calling workload: does it exist, run and join the mesh?</summary>
    SourceWorkload,

    /// <summary>The name the caller dials resolves to a Service.</summary>
    Name,

    /// <summary>The Service exposes the port and sends it to a port the pods declare.</summary>
    ServicePort,

    /// <summary>The Service selects running workloads that join the mesh.</summary>
    DestinationWorkload,

    /// <summary>The app listens where the Service and its sidecar send traffic.</summary>
    Listener,

    /// <summary>The protocol Consul configures for the destination fits what the app speaks.</summary>
    Protocol,

    /// <summary>The intentions allow the source to reach the destination.</summary>
    Intention,

    /// <summary>Both ends have the ServiceAccount identity the mesh needs.</summary>
    Identity,

    /// <summary>Consul's catalog holds healthy instances of the destination (live only).</summary>
    Catalog,

    /// <summary>The source's Envoy has the destination as an upstream with healthy endpoints (live only).</summary>
    Envoy,
}
