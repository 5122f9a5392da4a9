using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The Endpoints and EndpointSlices the control plane writes for each Service with a selector: one address per selected
/// pod with an IP, under notReadyAddresses (ready=false) while the pod is not Ready. A named targetPort that a pod's
/// containers do not declare cannot be resolved, so that pod is left out, as the endpoints controller does.
/// </summary>
internal static class EndpointsController
{
    private const string Timestamp = "2026-01-05T09:00:00Z";

    public static IEnumerable<JsonObject> Reconcile(IReadOnlyList<JsonObject> services, IReadOnlyList<SimulatedPod> pods)
    {
        foreach (var service in services.Where(s => s["spec"]?["selector"] is JsonObject { Count: > 0 }))
        {
            var ns = service.Namespace() ?? "default";
            var servicePorts = (service["spec"]?["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var groups = pods
                .Where(p => p.Namespace == ns && WorkloadController.Selects(service, p.Object))
                .Select(p => (Pod: p, Ports: Resolve(servicePorts, p.Object)))
                .Where(p => p.Ports.Count > 0)
                .GroupBy(p => string.Join(',', p.Ports.Select(x => $"{x.Name}/{x.Port}/{x.Protocol}")))
                .ToList();

            yield return Endpoints(service, ns, groups);
            var index = 0;
            foreach (var group in groups.DefaultIfEmpty())
            {
                yield return Slice(service, ns, group?.ToList() ?? [], index++);
            }
        }
    }

    private static List<(string? Name, long Port, string Protocol)> Resolve(List<JsonObject> servicePorts, JsonObject pod)
    {
        var containerPorts = (pod["spec"]?["containers"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>()).ToList();
        var resolved = new List<(string?, long, string)>();
        foreach (var port in servicePorts)
        {
            var target = port["targetPort"] ?? port["port"];
            long? number = target.Long() is { } n ? n
                : containerPorts.FirstOrDefault(c => c.Text("name") == target.Text()) is { } named ? named["containerPort"].Long()
                : long.TryParse(target.Text(), out var parsed) ? parsed : null;
            if (number is { } found)
            {
                resolved.Add((port.Text("name"), found, port.Text("protocol") ?? "TCP"));
            }
        }

        return resolved;
    }

    private static JsonObject Endpoints(JsonObject service, string ns, List<IGrouping<string, (SimulatedPod Pod, List<(string? Name, long Port, string Protocol)> Ports)>> groups)
    {
        var endpoints = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Endpoints",
            ["metadata"] = new JsonObject
            {
                ["name"] = service.Name(),
                ["namespace"] = ns,
                ["labels"] = service["metadata"]?["labels"]?.DeepClone() ?? new JsonObject(),
                ["annotations"] = new JsonObject { ["endpoints.kubernetes.io/last-change-trigger-time"] = Timestamp },
            },
        };
        if (groups.Count == 0)
        {
            return endpoints;
        }

        var subsets = new JsonArray();
        foreach (var group in groups)
        {
            var subset = new JsonObject();
            var ready = new JsonArray(group.Where(p => p.Pod.Ready).Select(p => (JsonNode)Address(p.Pod)).ToArray());
            var notReady = new JsonArray(group.Where(p => !p.Pod.Ready).Select(p => (JsonNode)Address(p.Pod)).ToArray());
            if (ready.Count > 0)
            {
                subset["addresses"] = ready;
            }

            if (notReady.Count > 0)
            {
                subset["notReadyAddresses"] = notReady;
            }

            subset["ports"] = new JsonArray(group.First().Ports.Select(p => (JsonNode)PortJson(p)).ToArray());
            subsets.Add(subset);
        }

        endpoints["subsets"] = subsets;
        return endpoints;
    }

    private static JsonObject Slice(JsonObject service, string ns, List<(SimulatedPod Pod, List<(string? Name, long Port, string Protocol)> Ports)> members, int index)
    {
        var name = $"{service.Name()}-{KubeNames.PodSuffix($"slice/{ns}/{service.Name()}/{index}")}";
        var labels = service["metadata"]?["labels"].Map().ToDictionary() ?? [];
        labels["kubernetes.io/service-name"] = service.Name();
        labels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io";
        return new JsonObject
        {
            ["apiVersion"] = "discovery.k8s.io/v1",
            ["kind"] = "EndpointSlice",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["generateName"] = service.Name() + "-",
                ["labels"] = labels.ToJson(),
                ["ownerReferences"] = new JsonArray(JsonPaths.OwnerReference("v1", "Service", service.Name(),
                    service.Text("metadata", "uid") ?? KubeNames.Uid($"Service/{ns}/{service.Name()}"))),
            },
            ["addressType"] = "IPv4",
            ["endpoints"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["addresses"] = new JsonArray(m.Pod.PodIp),
                ["conditions"] = new JsonObject { ["ready"] = m.Pod.Ready, ["serving"] = m.Pod.Ready, ["terminating"] = false },
                ["nodeName"] = m.Pod.Object.Text("spec", "nodeName"),
                ["targetRef"] = TargetRef(m.Pod),
            }).ToArray()),
            ["ports"] = members.Count == 0 ? null : new JsonArray(members[0].Ports.Select(p => (JsonNode)PortJson(p)).ToArray()),
        };
    }

    private static JsonObject Address(SimulatedPod pod) => new()
    {
        ["ip"] = pod.PodIp,
        ["nodeName"] = pod.Object.Text("spec", "nodeName"),
        ["targetRef"] = TargetRef(pod),
    };

    private static JsonObject TargetRef(SimulatedPod pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = pod.Namespace,
        ["name"] = pod.Name,
        ["uid"] = pod.Object.Text("metadata", "uid"),
    };

    private static JsonObject PortJson((string? Name, long Port, string Protocol) port)
    {
        var json = new JsonObject();
        if (port.Name is not null)
        {
            json["name"] = port.Name;
        }

        json["port"] = port.Port;
        json["protocol"] = port.Protocol;
        return json;
    }
}
