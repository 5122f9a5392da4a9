using k8s.Models;

namespace MeshOps.Model;

/// <summary>Looks up the container ports of a workload by number or by name.</summary>
public static class ContainerPorts
{
    public static IEnumerable<(V1Container Container, V1ContainerPort Port)> All(Workload workload) =>
        workload.PodSpec.Containers?.SelectMany(c => (c.Ports ?? []).Select(p => (c, p))) ?? [];

    /// <summary>The port number a targetPort (number or name) resolves to in this workload, or null.</summary>
    public static int? Resolve(Workload workload, string target)
    {
        var isNumber = int.TryParse(target, out var number);
        foreach (var (_, port) in All(workload))
        {
            if (isNumber ? port.ContainerPort == number : port.Name == target)
            {
                return port.ContainerPort;
            }
        }

        return null;
    }

    /// <summary>The targetPort as written, or the port itself when targetPort is left out (Kubernetes' default).</summary>
    public static string TargetOf(V1ServicePort port) =>
        port.TargetPort?.Value ?? port.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The port number a Service port sends traffic to on this workload's pods, or null when a name resolves to nothing.</summary>
    public static int? TargetNumber(Workload workload, V1ServicePort port)
    {
        var target = TargetOf(port);
        return int.TryParse(target, out var number) ? number : Resolve(workload, target);
    }

    public static IEnumerable<string> Describe(Workload workload) =>
        All(workload).Select(p => p.Port.Name is { Length: > 0 } name ? $"{p.Port.ContainerPort} ({name})" : p.Port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
