using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH102: a Service whose selector selects no workload in the inputs.</summary>
internal sealed class SelectorMatchesNothing : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.SelectorMatchesNothing;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var namespacesWithWorkloads = model.Workloads.Select(w => w.Namespace).ToHashSet(StringComparer.Ordinal);
        foreach (var service in model.Services)
        {
            // A Service without a selector is backed by hand-made Endpoints; nothing to check.
            if (service.Selector.Count == 0 || service.Workloads.Count > 0)
            {
                continue;
            }

            var selector = string.Join(",", service.Selector.Select(p => $"{p.Key}={p.Value}"));
            // With no workload of the namespace among the inputs, the folder holds Services only (the Deployments are
            // applied from elsewhere): the verdict rests on their absence, not on a selector that misses a pod.
            var workloadsHere = namespacesWithWorkloads.Contains(service.Namespace);
            yield return new RuleHit(Descriptor, service.Resource, service.Resource.LocationOf("spec", "selector"),
                [service.Name, service.Namespace, selector], [],
                Assumption: workloadsHere ? null
                    : $"the inputs hold no workload in namespace {service.Namespace}, so the pods it selects may be deployed from elsewhere; "
                        + "this finding takes the inputs to hold every workload of the namespace.");
        }
    }
}
