using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH303: a protocol set mesh-wide or explicitly that a service cannot live with: ProxyDefaults http on a TCP
/// service with no ServiceDefaults of its own (consul#17894, #7859), or routing features on an explicitly tcp
/// service, which blocks the config entry sync (consul#20064).
/// </summary>
internal sealed class ProxyDefaultsProtocolConflict : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ProxyDefaultsProtocolConflict;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context) =>
        GlobalL7OnTcpServices(model).Concat(RoutingOnExplicitTcp(model));

    private IEnumerable<RuleHit> GlobalL7OnTcpServices(MeshModel model)
    {
        var callersByTarget = model.Edges.Where(e => e.Target is not null).ToLookup(e => e.Target!);
        // Only mesh services have sidecars that ProxyDefaults configures; pods outside the mesh never see the protocol.
        foreach (var service in model.Services.Where(s => s.InMesh))
        {
            var protocol = service.Protocol;
            if (!protocol.IsL7 || protocol.Resource?.Model is not ProxyDefaults || TcpEvidence.Find(service, callersByTarget[service]) is not { } why)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, protocol.Resource, protocol.Location ?? protocol.Resource.Location,
                [service.Name, $"it speaks TCP ({why.Reason}) and has no ServiceDefaults of its own", protocol.ToString(), service.Namespace],
                [new Evidence(why.Resource.Ref, why.Location, why.Reason)]);
        }
    }

    private IEnumerable<RuleHit> RoutingOnExplicitTcp(MeshModel model)
    {
        foreach (var (resource, feature, location) in RoutingNeeds(model))
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            var protocol = model.Protocols.For(ns, resource.Name);
            if (protocol.IsL7 || protocol.Resource is null)
            {
                continue;
            }

            yield return new RuleHit(Descriptor, resource, location, [resource.Name, feature, protocol.ToString(), ns],
                [new Evidence(protocol.Resource.Ref, protocol.Location ?? protocol.Resource.Location, $"protocol {protocol.Value}")]);
        }
    }

    /// <summary>Routers and splitters always need L7; a resolver only for its HTTP features.</summary>
    private static IEnumerable<(ManifestResource Resource, string Feature, SourceLocation Location)> RoutingNeeds(MeshModel model)
    {
        foreach (var router in model.ConfigEntriesOf("ServiceRouter"))
        {
            yield return (router, $"ServiceRouter {router.Name} routes its HTTP requests", router.Location);
        }

        foreach (var splitter in model.ConfigEntriesOf("ServiceSplitter"))
        {
            yield return (splitter, $"ServiceSplitter {splitter.Name} splits its traffic", splitter.Location);
        }

        foreach (var resolver in model.ConfigEntriesOf("ServiceResolver"))
        {
            if (resolver.Model is not ServiceResolver { Spec: { } spec })
            {
                continue;
            }

            var hashField = spec.LoadBalancer?.HashPolicies?.FirstOrDefault(p => p.Field is not null)?.Field is { } field ? ConsulEnum<ServiceResolverHashPolicyField>.Format(field) : null;
            if (!string.IsNullOrEmpty(spec.RequestTimeout))
            {
                yield return (resolver, $"ServiceResolver {resolver.Name} sets requestTimeout, an HTTP feature", resolver.LocationOf("spec", "requestTimeout"));
            }
            else if (hashField is not null)
            {
                yield return (resolver, $"ServiceResolver {resolver.Name} hashes requests on an HTTP {hashField}", resolver.LocationOf("spec", "loadBalancer", "hashPolicies"));
            }
        }
    }
}
