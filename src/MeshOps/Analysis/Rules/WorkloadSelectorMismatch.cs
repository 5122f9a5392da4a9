using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH503: a Deployment, StatefulSet, DaemonSet or ReplicaSet whose selector does not match its own pod template.</summary>
internal sealed class WorkloadSelectorMismatch : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.WorkloadSelectorMismatch;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            if (workload.Selector is not { Count: > 0 } selector || LabelIndex.Matches(workload.PodLabels, selector))
            {
                continue;
            }

            yield return new RuleHit(Descriptor, workload.Resource, workload.Resource.LocationOf("spec", "selector"),
                [workload.ToString(), workload.Namespace, Describe(selector), Describe(workload.PodLabels)], []);
        }
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels) =>
        labels.Count == 0 ? "(no labels)" : string.Join(",", labels.Select(p => $"{p.Key}={p.Value}"));
}
