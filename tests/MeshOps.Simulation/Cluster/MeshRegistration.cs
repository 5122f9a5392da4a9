using System.Text.Json.Nodes;

namespace MeshOps.Simulation.Cluster;

/// <summary>
/// Which pods consul-k8s' endpoints controller registers in Consul, and under which name and port: an injected pod
/// whose connect-init got past registration, selected by exactly one Service that is not ignored; the Consul service
/// is the connect-service annotation or that Service's name, its port the connect-service-port (a port name resolved
/// against the first container, as common.PortValue does; 0 when the container declares none).
/// </summary>
public sealed record MeshRegistration(SimulatedPod Pod, string Service, int Port)
{
    public static IReadOnlyList<MeshRegistration> For(ClusterContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var services = contents.Objects.Where(o => o.Kind() == "Service").ToList();
        var registered = new List<MeshRegistration>();
        foreach (var pod in contents.Pods.Where(p => p.Injected))
        {
            var selecting = services
                .Where(s => s.Namespace() == pod.Namespace && WorkloadController.Selects(s, pod.Object)
                    && s["metadata"]?["labels"]?["consul.hashicorp.com/service-ignore"].Text() != "true")
                .ToList();
            if (selecting.Count != 1)
            {
                continue;
            }

            var name = pod.Annotations.TryGetValue("consul.hashicorp.com/connect-service", out var annotated) && !string.IsNullOrWhiteSpace(annotated)
                ? annotated.Split(',')[0].Trim()
                : selecting[0].Name();
            registered.Add(new MeshRegistration(pod, name, ServicePort(pod)));
        }

        return registered;
    }

    private static int ServicePort(SimulatedPod pod)
    {
        var first = pod.AppContainers.FirstOrDefault();
        var ports = (first?["ports"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var value = pod.Annotations.GetValueOrDefault("consul.hashicorp.com/connect-service-port")?.Split(',')[0].Trim();
        if (value is null)
        {
            return 0;
        }

        var named = ports.FirstOrDefault(p => p.Text("name") == value);
        return named is not null ? (int)(named["containerPort"].Long() ?? 0) : int.TryParse(value, out var number) ? number : 0;
    }
}
