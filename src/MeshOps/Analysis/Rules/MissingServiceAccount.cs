using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH401: a mesh workload runs as a ServiceAccount that is not declared.</summary>
internal sealed class MissingServiceAccount : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MissingServiceAccount;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            // Every namespace has a "default" ServiceAccount; Kubernetes creates it.
            if (!workload.InMesh || workload.ServiceAccountName == "default"
                || model.ServiceAccounts.ContainsKey(new ObjectKey(workload.Namespace, workload.ServiceAccountName)))
            {
                continue;
            }

            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("serviceAccountName"),
                [workload.Name, workload.Namespace, workload.ServiceAccountName, workload.InMeshOrigin], []);
        }
    }
}
