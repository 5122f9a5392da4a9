using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Text;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH104: a call names a host that is no Service (typically a typo), with the nearest existing name.</summary>
internal sealed class UnknownCallTarget : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.UnknownCallTarget;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var namesByNamespace = model.Services.ToLookup(s => s.Namespace, s => s.Name);
        // A Consul DNS name is answered by Consul's catalog (or a peer's), not by a Kubernetes Service.
        foreach (var edge in model.Edges.Where(e => e.Target is null && !e.ViaConsulDns))
        {
            // An explicit upstream names a Consul service, which need not be a Kubernetes Service
            // (an external service behind a terminating gateway, a gateway).
            if (edge.ViaExplicitUpstream && model.ConsulServiceNames.Contains(edge.TargetName))
            {
                continue;
            }

            var candidates = namesByNamespace[edge.TargetNamespace].ToList();
            // A namespace the inputs know nothing about is outside what was given, not a typo.
            if (candidates.Count == 0 && !model.Namespaces.Contains(edge.TargetNamespace))
            {
                continue;
            }

            var nearest = NameSuggester.Nearest(edge.TargetName, candidates);
            var suggestion = nearest is null ? "" : $" Did you mean '{nearest}'?";
            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, edge.TargetNamespace, edge.TargetName, edge.WrittenAt, suggestion], []);
        }
    }
}
