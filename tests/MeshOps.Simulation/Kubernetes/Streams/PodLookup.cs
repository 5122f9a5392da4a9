using System.Text.Json.Nodes;
using MeshOps.Simulation.Kubernetes.Api;

namespace MeshOps.Simulation.Kubernetes.Streams;

/// <summary>
/// How kube-apiserver finds the pod and the container a pod subresource (exec, log) names, with its own errors:
/// 404 for a pod that does not exist; 400 for no container named in a pod of several, or a container the pod does not
/// have (the registry's messages, pkg/registry/core/pod/strategy.go).
/// </summary>
internal static class PodLookup
{
    public static JsonObject Pod(ObjectStore store, string ns, string name) =>
        store.Get(string.Empty, "Pod", ns, name)
        ?? throw new StatusException(404, "NotFound", $"pods \"{name}\" not found", new JsonObject { ["name"] = name, ["kind"] = "pods" });

    public static string Container(JsonObject pod, string podName, string requested)
    {
        var containers = Names(pod, "containers");
        var init = Names(pod, "initContainers");
        if (requested.Length == 0)
        {
            if (containers.Count == 1)
                return containers[0];
            var message = $"a container name must be specified for pod {podName}, choose one of: [{string.Join(' ', containers)}]";
            if (init.Count > 0)
                message += $" or one of the init containers: [{string.Join(' ', init)}]";
            throw StatusException.BadRequest(message);
        }

        if (!containers.Contains(requested, StringComparer.Ordinal) && !init.Contains(requested, StringComparer.Ordinal))
            throw StatusException.BadRequest($"container {requested} is not valid for pod {podName}");
        return requested;
    }

    private static List<string> Names(JsonObject pod, string list) =>
        (pod["spec"]?[list] as JsonArray ?? []).Select(c => (string?)c?["name"]).OfType<string>().ToList();
}
