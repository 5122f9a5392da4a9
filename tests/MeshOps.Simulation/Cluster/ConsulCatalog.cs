using System.Text.Json.Nodes;
using MeshOps.Simulation.Consul;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// What Consul holds once consul-k8s has synced the cluster: each registered mesh pod with its sidecar proxy (health
/// following the pod's readiness) beside the consul service the server registers itself, and every config entry Consul accepted,
/// translated from the CRD as consul-k8s' ToConsul does (kebab-case kind, PascalCase fields, the destination's name for
/// service-intentions, consul-k8s' source meta).
/// </summary>
internal static class ConsulCatalog
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["ServiceDefaults"] = "service-defaults",
        ["ServiceIntentions"] = "service-intentions",
        ["ProxyDefaults"] = "proxy-defaults",
        ["ServiceRouter"] = "service-router",
        ["ServiceResolver"] = "service-resolver",
        ["ServiceSplitter"] = "service-splitter",
        ["Mesh"] = "mesh",
        ["IngressGateway"] = "ingress-gateway",
        ["TerminatingGateway"] = "terminating-gateway",
        ["ExportedServices"] = "exported-services",
        ["SamenessGroup"] = "sameness-group",
        ["JWTProvider"] = "jwt-provider",
        ["ControlPlaneRequestLimit"] = "control-plane-request-limit",
    };

    public static ConsulState Build(ClusterContents contents, IReadOnlyList<RuntimeFault> faults, string? namespaceMirroringPrefix = null)
    {
        var server = contents.Pods.FirstOrDefault(p => p.Name == ConsulInstallation.ServerPod);
        var state = new ConsulState(ConsulInstallation.Datacenter, server?.PodIp ?? "10.244.0.10") { NamespaceMirroringPrefix = namespaceMirroringPrefix };

        foreach (var registration in MeshRegistration.For(contents))
        {
            if (faults.Any(f => f.Applies(RuntimeFaultKind.MissingFromCatalog, registration.Service)))
            {
                continue;
            }

            var pod = registration.Pod;
            state.RegisterMeshService(registration.Service, pod.Name, pod.PodIp, registration.Port, pod.Namespace,
                pod.Object.Text("spec", "nodeName") ?? "sim-node-1", pod.Ready ? ConsulCheckStatus.Passing : ConsulCheckStatus.Critical,
                state.NamespaceOf(pod.Namespace));
        }

        foreach (var resource in contents.ConsulEntries)
        {
            if (Entry(resource, state) is { } entry)
            {
                state.PutConfigEntry(entry);
            }
        }

        return state;
    }

    /// <summary>
    /// The config entry consul-k8s writes for <paramref name="consul"/> from the resource, or null for a kind that is
    /// none. With Enterprise namespaces the entry is in the resource's mirrored namespace, a service-intentions entry in
    /// its destination's namespace when the resource names one.
    /// </summary>
    public static JsonObject? Entry(JsonObject resource, ConsulState consul)
    {
        if (!Kinds.TryGetValue(resource.Kind(), out var kind))
        {
            return null;
        }

        var entry = new JsonObject
        {
            ["Kind"] = kind,
            ["Name"] = kind switch
            {
                "service-intentions" => resource.Text("spec", "destination", "name") ?? resource.Name(),
                "proxy-defaults" => "global",
                "mesh" => "mesh",
                _ => resource.Name(),
            },
        };
        foreach (var (key, value) in resource["spec"] as JsonObject ?? [])
        {
            if (kind == "service-intentions" && key == "destination")
            {
                continue;
            }

            // A proxy's free-form config keeps the keys Envoy and Consul read (protocol, ...), as written.
            entry[Pascal(key)] = key == "config" ? value?.DeepClone() : Translate(value);
        }

        if (entry["Sources"] is JsonArray sources)
        {
            foreach (var source in sources.OfType<JsonObject>())
            {
                source["Type"] ??= "consul";
                source["Precedence"] ??= Precedence(source.Text("Name"), (string)entry["Name"]!);
            }
        }

        if (consul.NamespacesEnabled)
        {
            entry["Namespace"] = (kind == "service-intentions" ? resource.Text("spec", "destination", "namespace") : null)
                ?? consul.NamespaceOf(resource.Namespace() ?? "default");
        }

        entry["Meta"] = new JsonObject
        {
            ["consul.hashicorp.com/source-datacenter"] = ConsulInstallation.Datacenter,
            ["external-source"] = "kubernetes",
        };
        return entry;
    }

    private static JsonNode? Translate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(Pascal(p.Key), Translate(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Translate).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Pascal(string key) => key switch
    {
        "http" => "HTTP",
        "jwt" => "JWT",
        "tls" => "TLS",
        _ when key.Length > 0 => char.ToUpperInvariant(key[0]) + key[1..],
        _ => key,
    };

    /// <summary>Consul's intention precedence: exact names beat wildcards (9 exact/exact, 8 wildcard source, 6 wildcard destination, 5 both).</summary>
    private static int Precedence(string? source, string destination) => (source == "*", destination == "*") switch
    {
        (false, false) => 9,
        (true, false) => 8,
        (false, true) => 6,
        (true, true) => 5,
    };
}
