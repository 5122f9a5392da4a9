using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// What a running cluster reported about the objects, beside what they declare: pod phases and container readiness,
/// endpoint readiness, and whether consul-k8s synced each config entry to Consul. Manifests carry none of it, so read
/// from files it is empty; rules that judge it report Unknown then, never a pass.
/// </summary>
public sealed record ObservedState
{
    /// <summary>Pods by namespace and name.</summary>
    public IReadOnlyDictionary<ObjectKey, PodObservation> Pods { get; init; } = new Dictionary<ObjectKey, PodObservation>();

    /// <summary>Endpoint readiness by the Service it belongs to (namespace and Service name), from Endpoints and EndpointSlices.</summary>
    public IReadOnlyDictionary<ObjectKey, EndpointObservation> Endpoints { get; init; } = new Dictionary<ObjectKey, EndpointObservation>();

    /// <summary>The <c>Synced</c> condition consul-k8s wrote on each Consul resource, by the resource.</summary>
    public IReadOnlyDictionary<ResourceRef, SyncObservation> Synced { get; init; } = new Dictionary<ResourceRef, SyncObservation>();

    /// <summary>True when nothing was observed: the inputs were manifests, not a cluster's state.</summary>
    public bool IsEmpty => Pods.Count == 0 && Endpoints.Count == 0 && Synced.Count == 0;

    public static readonly ObservedState None = new();
}

/// <summary>A pod as the kubelet reported it.</summary>
/// <param name="Phase">Pending, Running, Succeeded, Failed or Unknown.</param>
/// <param name="Sidecar">The injected proxy container (consul-dataplane, or envoy-sidecar on older consul-k8s), if any.</param>
public sealed record PodObservation(
    ResourceRef Pod,
    string? Phase,
    IReadOnlyList<ContainerObservation> Containers,
    IReadOnlyList<ContainerObservation> InitContainers,
    ContainerObservation? Sidecar);

/// <summary>One container's status.</summary>
/// <param name="WaitingReason">Why it is not running, e.g. <c>CrashLoopBackOff</c> or <c>CreateContainerConfigError</c>.</param>
/// <param name="TerminatedReason">Why it stopped, when it is stopped now (its current state), e.g. <c>Error</c> or <c>OOMKilled</c>.</param>
/// <param name="LastTerminatedReason">
/// Why its previous run stopped (<c>lastState</c>): history, kept apart from the current state because a container that
/// crashed once and runs again is running.
/// </param>
public sealed record ContainerObservation(string Name, bool Ready, int RestartCount, string? WaitingReason, string? TerminatedReason, string? LastTerminatedReason = null);

/// <summary>How many addresses of a Service are ready to receive traffic, and how many are not.</summary>
public sealed record EndpointObservation(int Ready, int NotReady);

/// <summary>consul-k8s' <c>Synced</c> condition: <c>True</c>, <c>False</c> (with Consul's reason and message) or <c>Unknown</c>.</summary>
public sealed record SyncObservation(string Status, string? Reason, string? Message);
