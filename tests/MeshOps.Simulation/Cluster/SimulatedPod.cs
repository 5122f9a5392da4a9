using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>A pod the simulation created, with what the Consul catalog, Envoy and /proc need to know about it.</summary>
/// <param name="Workload">The Deployment, StatefulSet or DaemonSet that owns it.</param>
/// <param name="Object">The pod as the API server returns it (spec and status).</param>
/// <param name="Injected">The consul-k8s webhook injected consul-dataplane.</param>
/// <param name="Ready">The pod's Ready condition.</param>
/// <param name="SidecarReady">consul-dataplane is ready (false when not injected).</param>
public sealed record SimulatedPod(string Namespace, string Name, string Workload, JsonObject Object, bool Injected, string PodIp, bool Ready, bool SidecarReady)
{
    public IReadOnlyDictionary<string, string> Labels => Object["metadata"]?["labels"].Map() ?? new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Annotations => Object["metadata"]?["annotations"].Map() ?? new Dictionary<string, string>();

    /// <summary>The application containers (not the injected sidecar).</summary>
    public IEnumerable<JsonObject> AppContainers =>
        (Object["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>().Where(c => c.Text("name") != SidecarInjector.DataplaneContainer);
}
