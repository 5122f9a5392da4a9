using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeshOps.Simulation.Consul;
using MeshOps.Simulation.Envoy;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// The admin data of each registered sidecar: the upstream clusters it has (the explicit
/// connect-service-upstreams annotation, else, in transparent proxy, the mesh services its configuration calls by
/// name: env values and mounted ConfigMaps, e.g. http://products-api:9090 or host=postgres), each with as many
/// endpoints as Consul has instances and as many healthy as pass their checks; Envoy is still initialising while its
/// sidecar is not ready.
/// </summary>
internal static class EnvoySidecars
{
    public static IReadOnlyList<EnvoyAdminData> Build(ClusterContents contents, ConsulState consul)
    {
        var registrations = MeshRegistration.For(contents);
        var meshServices = registrations.Select(r => r.Service).ToHashSet(StringComparer.Ordinal);
        var instances = consul.Instances.Where(i => i.Kind == ConsulServiceKind.ConnectProxy).ToList();
        var intentions = consul.Intentions()
            .Where(i => i.Action is not null || i.HasPermissions)
            .Select(i => (i.SourceName, i.DestinationName, Allow: i.Action != ConsulIntentionAction.Deny))
            .ToList();
        return registrations.Select(r => new EnvoyAdminData(r.Service, r.Pod.Namespace, r.Pod.Name, r.Pod.PodIp)
        {
            AppPort = r.Port,
            State = r.Pod.SidecarReady ? EnvoyServerState.Live : EnvoyServerState.Initializing,
            Datacenter = consul.Datacenter,
            TrustDomain = consul.TrustDomain,
            // consul-k8s registers the sidecar in its pod's mirrored namespace on Enterprise; its upstreams (the
            // same namespace here) carry it in their cluster names and SPIFFE IDs.
            ConsulNamespace = consul.NamespaceOf(r.Pod.Namespace),
            Rbac = EnvoyRbac.For(r.Service, intentions),
            Upstreams = Upstreams(r, meshServices, contents.Objects)
                .Select(u => new EnvoyUpstream(u,
                    instances.Count(i => i.DestinationService == u),
                    instances.Count(i => i.DestinationService == u && i.Health == ConsulCheckStatus.Passing)))
                .ToList(),
        }).ToList();
    }

    private static IEnumerable<string> Upstreams(MeshRegistration registration, HashSet<string> meshServices, IReadOnlyList<JsonObject> objects)
    {
        if (registration.Pod.Annotations.TryGetValue("consul.hashicorp.com/connect-service-upstreams", out var annotation))
        {
            return annotation.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(u => u.Split(':')[0].Split('.')[0]).Distinct(StringComparer.Ordinal);
        }

        var texts = Configuration(registration.Pod, objects);
        return meshServices
            .Where(s => s != registration.Service && texts.Any(t => Regex.IsMatch(t, $@"(^|[/=\s""'@]){Regex.Escape(s)}(\.[a-z0-9.-]+)?(:\d+|[\s""']|$)", RegexOptions.Multiline)))
            .Order(StringComparer.Ordinal);
    }

    private static List<string> Configuration(SimulatedPod pod, IReadOnlyList<JsonObject> objects)
    {
        var texts = pod.AppContainers
            .SelectMany(c => (c["env"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(e => e.Text("value")).OfType<string>().ToList();
        var mounted = (pod.Object["spec"]?["volumes"] as JsonArray ?? []).OfType<JsonObject>().Select(v => v.Text("configMap", "name")).OfType<string>().ToHashSet();
        texts.AddRange(objects
            .Where(o => o.Kind() == "ConfigMap" && o.Namespace() == pod.Namespace && mounted.Contains(o.Name()))
            .SelectMany(o => o["data"].Map().Values));
        return texts;
    }
}
