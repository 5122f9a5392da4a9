using MeshOps.Analysis;
using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Analysis.Rules;

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

            if (TcpEvidence.Find(service, callersByTarget[service]) is not { } why)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, defaults, service.Protocol.Location ?? defaults.Location,
                [service.Name, service.Protocol.Value, why.Reason, service.Namespace],
                [new Evidence(why.Resource.Ref, why.Location, why.Reason)]);
        }
    }
}
