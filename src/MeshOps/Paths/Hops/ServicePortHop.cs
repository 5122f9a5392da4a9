using System.Globalization;
using MeshOps.Model;

namespace MeshOps.Paths.Hops;

/// <summary>The Service port the call uses and the container port it sends to on each workload.</summary>
internal sealed class ServicePortHop : IHopCheck
{
    public PathHopName Name => PathHopName.ServicePort;

    // The port asked for is read only when the Service exposes no such port.
    public HopInputs? Inputs(PathContext path) => new HopInputs(null, path.Destination, path.ServicePort, path.ServicePort is null ? path.Port : null);

    public HopJudgement Judge(PathContext path)
    {
        var confirm = $"kubectl get endpoints {path.Destination.Service?.Name ?? path.Destination.ConsulName} -n {path.Namespace} -o wide";
        if (path.Destination.Service is not { } service)
        {
            return new HopJudgement(PathHopStatus.Unknown, [$"{path.Destination.ConsulName} has no Kubernetes Service, so no Service port"], "no Service", "", confirm);
        }

        var exposed = string.Join(", ", service.Ports.Select(p => p.Port.ToString(CultureInfo.InvariantCulture)));
        if (service.Ports.Count == 0)
        {
            return new HopJudgement(PathHopStatus.Unknown, [$"{service.Resource.Location}: Service {service.Name} declares no port"], $"Service {service.Name} declares no port", "", confirm);
        }

        // Whether a missing port breaks the call depends on who calls and how (MESH105): the rules decide, not this hop.
        if (path.ServicePort is not { } port)
        {
            return path.Port is { } asked
                ? new HopJudgement(
                    PathHopStatus.Unknown,
                    [$"{service.Resource.Location}: Service {service.Name} exposes no port {asked} (exposes {exposed})"],
                    $"Service {service.Name} exposes no port {asked}",
                    "",
                    confirm)
                : new HopJudgement(PathHopStatus.Pass, [$"{service.Resource.Location}: Service {service.Name} exposes {exposed}"], "", "", confirm);
        }

        var targets = path.Destination.Workloads.Select(w => ContainerPorts.TargetNumber(w, port) is { } number
            ? $"{w.Resource.Location}: {w} declares container port {number}"
            : $"{w.Resource.Location}: targetPort {ContainerPorts.TargetOf(port)} resolves to no port {w} declares").ToList();
        var resolved = path.Destination.Workloads.All(w => ContainerPorts.TargetNumber(w, port) is not null);
        return new HopJudgement(
            resolved && targets.Count > 0 ? PathHopStatus.Pass : PathHopStatus.Unknown,
            [$"{service.Resource.Location}: Service {service.Name} port {port.Port} -> targetPort {ContainerPorts.TargetOf(port)}", .. targets],
            resolved ? "" : $"targetPort {ContainerPorts.TargetOf(port)} of Service {service.Name} resolves to no declared container port",
            "",
            confirm);
    }
}
