using MeshOps.Analysis;
using MeshOps.Consul.Crds;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Rules;

/// <summary>MESH301: ServiceDefaults with an L7 protocol for a service that speaks a TCP protocol (postgres, redis, …).</summary>
internal sealed class HttpProtocolOnTcpService : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.HttpProtocolOnTcpService;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var callersByTarget = model.Edges.Where(e => e.Target is not null).ToLookup(e => e.Target!);
        foreach (var service in model.Services)
        {
            if (service.Defaults is not { Model: ServiceDefaults } defaults || !service.Protocol.IsL7 || service.Protocol.Resource != defaults)
            {
                continue;
            }

            if (TcpEvidence(service, callersByTarget[service]) is not { } why)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, defaults, service.Protocol.Location ?? defaults.Location,
                [service.Name, service.Protocol.Value, why.Reason, service.Namespace],
                [new Evidence(why.Resource.Ref, why.Location, why.Reason)]);
        }
    }

    private static (string Reason, Loading.ManifestResource Resource, Loading.SourceLocation Location)? TcpEvidence(MeshService service, IEnumerable<CallEdge> callers)
    {
        for (var i = 0; i < service.Ports.Count; i++)
        {
            if (WellKnownPorts.ByPort(service.Ports[i].Port) is { } protocol)
            {
                return ($"Service {service.Name} exposes port {service.Ports[i].Port}, the {protocol.Name} port", service.Resource, service.Resource.LocationOf("spec", "ports", i, "port"));
            }
        }

        foreach (var workload in service.Workloads)
        {
            var containers = workload.PodSpec.Containers ?? [];
            for (var c = 0; c < containers.Count; c++)
            {
                if (WellKnownPorts.ByImage(containers[c].Image) is { } protocol)
                {
                    return ($"{workload} runs image {containers[c].Image}, a {protocol.Name} server", workload.Resource, workload.LocationOfPodField("containers", c, "image"));
                }
            }
        }

        foreach (var edge in callers)
        {
            if (WellKnownPorts.ByScheme(edge.Scheme) is { } protocol)
            {
                return ($"{edge.Source} connects with a {protocol.Name} connection string ({edge.WrittenAt})", edge.WrittenIn, edge.Location);
            }
        }

        return null;
    }
}
