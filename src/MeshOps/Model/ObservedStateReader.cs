using k8s.Models;
using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>
/// Reads the status the cluster wrote on the objects (a live listing, or a <c>kubectl get -o yaml</c> dump) into
/// <see cref="ObservedState"/>. Objects without status add nothing: a manifest declares, it does not observe.
/// </summary>
internal static class ObservedStateReader
{
    // consul-k8s 1.x injects consul-dataplane; before 1.0 the proxy container was envoy-sidecar.
    private static readonly HashSet<string> SidecarNames = ["consul-dataplane", "envoy-sidecar"];

    private const string ServiceNameLabel = "kubernetes.io/service-name";

    public static ObservedState Read(IReadOnlyList<ManifestResource> resources)
    {
        var pods = new Dictionary<ObjectKey, PodObservation>();
        var fromEndpoints = new Dictionary<ObjectKey, EndpointObservation>();
        var fromSlices = new Dictionary<ObjectKey, EndpointObservation>();
        var synced = new Dictionary<ResourceRef, SyncObservation>();

        foreach (var resource in resources)
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            switch (resource.Model)
            {
                case V1Pod { Status: { } status } pod:
                    pods[new ObjectKey(ns, resource.Name)] = Pod(resource, pod, status);
                    break;
                case V1Endpoints endpoints:
                    fromEndpoints[new ObjectKey(ns, resource.Name)] = new EndpointObservation(
                        endpoints.Subsets?.Sum(s => s.Addresses?.Count ?? 0) ?? 0,
                        endpoints.Subsets?.Sum(s => s.NotReadyAddresses?.Count ?? 0) ?? 0);
                    break;
                case V1EndpointSlice slice when resource.Labels.TryGetValue(ServiceNameLabel, out var service):
                    var key = new ObjectKey(ns, service);
                    var seen = fromSlices.GetValueOrDefault(key) ?? new EndpointObservation(0, 0);
                    // A missing ready condition means unknown, which Kubernetes tells consumers to treat as ready.
                    var ready = slice.Endpoints?.Count(e => e.Conditions?.Ready ?? true) ?? 0;
                    fromSlices[key] = new EndpointObservation(seen.Ready + ready, seen.NotReady + ((slice.Endpoints?.Count ?? 0) - ready));
                    break;
                case IMeshResource { Status.Synced: { } condition }:
                    synced[resource.Ref with { Namespace = ns }] = new SyncObservation(condition.Status ?? "Unknown", condition.Reason, condition.Message);
                    break;
            }
        }

        // EndpointSlices are what kube-proxy reads; the Endpoints mirror of the same Service would count every address twice.
        foreach (var (key, observation) in fromEndpoints)
        {
            fromSlices.TryAdd(key, observation);
        }

        return pods.Count == 0 && fromSlices.Count == 0 && synced.Count == 0
            ? ObservedState.None
            : new ObservedState { Pods = pods, Endpoints = fromSlices, Synced = synced };
    }

    private static PodObservation Pod(ManifestResource resource, V1Pod pod, V1PodStatus status)
    {
        var containers = Containers(status.ContainerStatuses);
        var initContainers = Containers(status.InitContainerStatuses);
        var sidecar = containers.Concat(initContainers).FirstOrDefault(c => SidecarNames.Contains(c.Name));
        return new PodObservation(resource.Ref with { Namespace = MeshModelBuilder.NamespaceOf(resource) }, status.Phase, containers, initContainers, sidecar);
    }

    private static List<ContainerObservation> Containers(IList<V1ContainerStatus>? statuses) =>
        statuses?.Select(s => new ContainerObservation(
            s.Name, s.Ready, s.RestartCount, s.State?.Waiting?.Reason, s.State?.Terminated?.Reason, s.LastState?.Terminated?.Reason)).ToList() ?? [];
}
