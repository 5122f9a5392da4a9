using k8s.Models;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH402: the ServiceAccount token is not mounted into a mesh pod (pod spec or its ServiceAccount).</summary>
internal sealed class ServiceAccountTokenNotMounted : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ServiceAccountTokenNotMounted;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads.Where(w => w.InMesh))
        {
            var podSetting = workload.PodSpec.AutomountServiceAccountToken;
            if (podSetting == false)
            {
                yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("automountServiceAccountToken"),
                    [workload.Name, workload.Namespace, $"the pod template of {workload}", workload.LabelSelector, workload.InMeshOrigin], []);
                continue;
            }

            // The pod's own setting wins over its ServiceAccount's (Kubernetes admission).
            if (podSetting is null
                && model.ServiceAccounts.TryGetValue(new ObjectKey(workload.Namespace, workload.ServiceAccountName), out var account)
                && account.Model is V1ServiceAccount { AutomountServiceAccountToken: false })
            {
                yield return new RuleHit(Descriptor, account, account.LocationOf("automountServiceAccountToken"),
                    [workload.Name, workload.Namespace, $"ServiceAccount {account.Name}, used by {workload}", workload.LabelSelector, workload.InMeshOrigin],
                    [new Evidence(workload.Resource.Ref, workload.LocationOfPodField("serviceAccountName"), $"runs as {account.Name}")]);
            }
        }
    }
}
