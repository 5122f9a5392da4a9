using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH401: a mesh workload runs as a ServiceAccount that is not declared.</summary>
internal sealed class MissingServiceAccount : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MissingServiceAccount;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        // When the inputs declare the ServiceAccounts of other workloads in the namespace, they are where ServiceAccounts
        // are kept, and this one missing is a fault rather than a file left out.
        var declaring = new Lazy<HashSet<string>>(() => model.ServiceAccounts.Keys.Select(k => k.Namespace).ToHashSet(StringComparer.Ordinal));
        foreach (var workload in model.Workloads)
        {
            // Every namespace has a "default" ServiceAccount; Kubernetes creates it.
            if (!workload.InMesh || workload.ServiceAccountName == "default"
                || model.ServiceAccounts.ContainsKey(new ObjectKey(workload.Namespace, workload.ServiceAccountName)))
            {
                continue;
            }

            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("serviceAccountName"),
                [workload.Name, workload.Namespace, workload.ServiceAccountName, workload.InMeshOrigin], [],
                Assumption: declaring.Value.Contains(workload.Namespace) ? null
                    : $"the inputs declare no ServiceAccount in namespace {workload.Namespace}, so they may be kept elsewhere (another folder, a Helm chart); "
                        + $"this finding takes the inputs to hold every ServiceAccount of the namespace.");
        }
    }

}
