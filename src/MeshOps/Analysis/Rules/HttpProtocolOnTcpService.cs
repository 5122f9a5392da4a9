using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

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
            // Only a protocol the service's own ServiceDefaults sets; one from ProxyDefaults is MESH303's.
            if (service.Defaults is not { Model: ServiceDefaults } defaults || service.Protocol.Resource != defaults)
            {
                continue;
            }

            var facts = TcpEvidence.Facts(service, callersByTarget[service]);
            if (HttpProtocolOnTcpServiceCheck.Check(service.Namespace, service.Protocol.Value, facts.Facts) is not { } hit)
            {
                continue;
            }

            var why = facts.Locate(hit.Evidence);
            yield return new RuleHit(Descriptor, defaults, service.Protocol.Location ?? defaults.Location, hit.Verdict.Args,
                [new Evidence(why.Resource.Ref, why.Location, why.Reason)]);
        }
    }
}
