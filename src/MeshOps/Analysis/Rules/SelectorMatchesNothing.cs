using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH102: a Service whose selector selects no workload in the inputs.</summary>
internal sealed class SelectorMatchesNothing : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.SelectorMatchesNothing;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var service in model.Services)
        {
            // A Service without a selector is backed by hand-made Endpoints; nothing to check.
            if (service.Selector.Count == 0 || service.Workloads.Count > 0)
            {
                continue;
            }

            var selector = string.Join(",", service.Selector.Select(p => $"{p.Key}={p.Value}"));
            yield return new RuleHit(Descriptor, service.Resource, service.Resource.LocationOf("spec", "selector"),
                [service.Name, service.Namespace, selector], []);
        }
    }
}
