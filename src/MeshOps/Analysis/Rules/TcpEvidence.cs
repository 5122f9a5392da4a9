using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Model;
using MeshOps.Rules.Text;

namespace MeshOps.Analysis.Rules;

/// <summary>Why a service must be speaking a TCP (non-HTTP) protocol: its port, its image, or how callers connect.</summary>
internal sealed record TcpEvidence(string Reason, ManifestResource Resource, SourceLocation Location)
{
    public static TcpEvidence? Find(KubernetesService service, IEnumerable<CallEdge> callers)
    {
        for (var i = 0; i < service.Ports.Count; i++)
        {
            if (WellKnownPorts.ByPort(service.Ports[i].Port) is { } protocol)
            {
                return new TcpEvidence($"Service {service.Name} exposes port {service.Ports[i].Port}, the {protocol.Name} port", service.Resource, service.Resource.LocationOf("spec", "ports", i, "port"));
            }
        }

        foreach (var workload in service.Workloads)
        {
            var containers = workload.PodSpec.Containers ?? [];
            for (var c = 0; c < containers.Count; c++)
            {
                if (WellKnownPorts.ByImage(containers[c].Image) is { } protocol)
                {
                    return new TcpEvidence($"{workload} runs image {containers[c].Image}, a {protocol.Name} server", workload.Resource, workload.LocationOfPodField("containers", c, "image"));
                }
            }
        }

        foreach (var edge in callers)
        {
            if (WellKnownPorts.ByScheme(edge.Scheme) is { } protocol)
            {
                return new TcpEvidence($"{edge.Source} connects with a {protocol.Name} connection string ({edge.WrittenAt})", edge.WrittenIn, edge.Location);
            }
        }

        return null;
    }
}
