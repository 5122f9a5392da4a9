using k8s.Models;
using MeshOps.Model;
using MeshOps.Rules.Catalog;
using MeshOps.Rules.Checks;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH402: the ServiceAccount token is not mounted into a mesh pod (pod spec or its ServiceAccount).</summary>
internal sealed class ServiceAccountTokenNotMounted : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ServiceAccountTokenNotMounted;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var acls = context.Settings.AclsEnabled;
        foreach (var workload in model.Workloads)
        {
            model.ServiceAccounts.TryGetValue(new ObjectKey(workload.Namespace, workload.ServiceAccountName), out var account);
            var facts = new TokenMount(
                workload.Name, workload.ToString(), workload.Namespace, workload.LabelSelector, new MeshMembership(workload.InMesh, workload.InMeshOrigin),
                workload.PodSpec.AutomountServiceAccountToken, account?.Name ?? workload.ServiceAccountName, (account?.Model as V1ServiceAccount)?.AutomountServiceAccountToken,
                acls.Assumed ? null : acls.Value, acls.Assumed ? ServiceAccountTokenNotMountedCheck.AclsNotKnown : acls.ToString());
            switch (ServiceAccountTokenNotMountedCheck.Check(facts))
            {
                case { SetBy: TokenSetBy.PodTemplate } hit:
                    yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("automountServiceAccountToken"), hit.Verdict.Args, [], hit.Verdict.SeverityOverride);
                    break;
                case { SetBy: TokenSetBy.ServiceAccount } hit:
                    yield return new RuleHit(Descriptor, account!, account!.LocationOf("automountServiceAccountToken"), hit.Verdict.Args,
                        [new Evidence(workload.Resource.Ref, workload.LocationOfPodField("serviceAccountName"), $"runs as {account.Name}")], hit.Verdict.SeverityOverride);
                    break;
            }
        }
    }
}
