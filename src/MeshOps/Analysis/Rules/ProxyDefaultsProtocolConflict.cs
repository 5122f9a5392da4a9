using MeshOps.Consul;
using MeshOps.Sources;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH303: a protocol set mesh-wide or explicitly that a service cannot live with: ProxyDefaults http on a TCP
/// service with no ServiceDefaults of its own (consul#17894, #7859), or routing features on an explicitly tcp
/// service: a router or splitter the Consul server refuses (consul#20064; discoverychain/compile.go sets
/// usesAdvancedRoutingFeatures for them alone), a resolver's HTTP feature that a tcp chain accepts and ignores.
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
                [service.Name, $"it speaks TCP ({why.Reason}) and has no ServiceDefaults of its own", protocol.ToString(), service.Namespace,
                    Protocols.HttpSidecarOnTcp],
                [new Evidence(why.Resource.Ref, why.Location, why.Reason)]);
        }
    }

    private IEnumerable<RuleHit> RoutingOnExplicitTcp(MeshModel model)
    {
        foreach (var (resource, feature, location, refused) in RoutingNeeds(model))
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            var protocol = model.Protocols.For(ns, resource.Name);
            if (protocol.IsL7 || protocol.Resource is null)
            {
                continue;
            }

            var follows = refused
                ? $"The Consul server refuses it (\"discovery chain \"{resource.Name}\" uses a protocol \"{protocol.Value}\" that does not permit advanced routing or splitting behavior\"), so it never syncs."
                : "Consul accepts it, but a tcp service has no HTTP route for it to act on: it has no effect.";
            yield return new RuleHit(Descriptor, resource, location, [resource.Name, feature, protocol.ToString(), ns, follows],
                [new Evidence(protocol.Resource.Ref, protocol.Location ?? protocol.Resource.Location, $"protocol {protocol.Value}")],
                refused ? null : Severity.Warning);
        }
    }

    /// <summary>Routers and splitters always need L7 (Consul refuses them otherwise); a resolver only for its HTTP features (ignored otherwise).</summary>
    private static IEnumerable<(ManifestResource Resource, string Feature, SourceLocation Location, bool Refused)> RoutingNeeds(MeshModel model)
    {
        foreach (var router in model.ConfigEntriesOf("ServiceRouter"))
        {
            yield return (router, $"ServiceRouter {router.Name} routes its HTTP requests", router.Location, true);
        }

        foreach (var splitter in model.ConfigEntriesOf("ServiceSplitter"))
        {
            yield return (splitter, $"ServiceSplitter {splitter.Name} splits its traffic", splitter.Location, true);
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
                yield return (resolver, $"ServiceResolver {resolver.Name} sets requestTimeout, an HTTP feature", resolver.LocationOf("spec", "requestTimeout"), false);
            }
            else if (hashField is not null)
            {
                yield return (resolver, $"ServiceResolver {resolver.Name} hashes requests on an HTTP {hashField}", resolver.LocationOf("spec", "loadBalancer", "hashPolicies"), false);
            }
        }
    }
}
