using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>MESH403: the pod's ServiceAccount name differs from the Consul service it registers as.</summary>
internal sealed class ServiceAccountNameMismatch : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.ServiceAccountNameMismatch;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        foreach (var workload in model.Workloads)
        {
            // Without a Service (or the connect-service annotation) there is no registration to compare with.
            var named = model.ServicesSelecting(workload).Count > 0 || workload.PodAnnotations.ContainsKey(ConsulAnnotations.ConnectService);
            if (!workload.InMesh || !named || workload.ServiceAccountName == workload.ConsulServiceName)
            {
                continue;
            }

            // The check lives in connect-init's ACL login: with ACLs off it is a trap for later, with ACLs on the pod never starts.
            var acls = context.Settings.AclsEnabled;
            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("serviceAccountName"),
                [workload.Name, workload.Namespace, workload.ServiceAccountName, workload.ConsulServiceName, acls.ToString(), ConnectInitError(workload)], [],
                acls.Value ? Severity.Error : null);
        }
    }

    /// <summary>connect-init's words (subcommand/connect-init/command.go): it names the annotation when the name comes from one.</summary>
    private static string ConnectInitError(Workload workload) =>
        workload.PodAnnotations.ContainsKey(ConsulAnnotations.ConnectService)
            ? $"service account name {workload.ServiceAccountName} doesn't match annotation service name {workload.ConsulServiceName}"
            : $"service account name {workload.ServiceAccountName} doesn't match Consul service name {workload.ConsulServiceName}";
}
