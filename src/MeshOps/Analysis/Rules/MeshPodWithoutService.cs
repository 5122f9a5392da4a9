using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH109: a mesh pod that no Service selects. Since consul-k8s 0.26 the endpoints controller registers mesh pods in
/// Consul from the Endpoints of the Services that select them, whatever the connect-service annotation says, and
/// connect-init waits for exactly that registration (control-plane/subcommand/connect-init/command.go, 'Check to
/// ensure a Kubernetes service has been created'). A Service labelled service-ignore is skipped by the controller.
/// </summary>
internal sealed class MeshPodWithoutService : IMeshRule
{
    /// <summary>Gateway pods (Helm's mesh, ingress and terminating gateways) wait for a gateway registration the chart makes.</summary>
    private const string GatewayKind = "consul.hashicorp.com/gateway-kind";

    public RuleDescriptor Descriptor => RuleCatalog.MeshPodWithoutService;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var namespacesWithServices = model.Services.Select(s => s.Namespace).ToHashSet(StringComparer.Ordinal);
        // Inputs with no Service in a namespace say nothing about that namespace's Services: they are Deployments whose
        // Services come from elsewhere (a chart, a kustomize base, another folder), or a snippet checked for something
        // else. Only where the inputs do declare the namespace's Services is a pod none of them selects a fault.
        foreach (var workload in model.Workloads.Where(w => w.InMesh && !w.PodAnnotations.ContainsKey(GatewayKind) && namespacesWithServices.Contains(w.Namespace)))
        {
            var selecting = model.ServicesSelecting(workload);
            if (selecting.Any(s => !s.IgnoredByConsul) || HasMisaimedService(workload, model) || SelectedOnceNamespaced(workload, model))
            {
                continue;
            }

            var inputs = selecting.Count > 0
                ? $"Services {string.Join(", ", selecting.Select(s => s.Name))} select them but are labelled {ConsulAnnotations.ServiceIgnore}: \"true\", which the endpoints controller skips."
                : $"The inputs declare Services in namespace {workload.Namespace}, and none of them selects these pods.";
            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodMetadata("labels"),
                [workload.Name, workload.Namespace, workload.InMeshOrigin, workload.LabelSelector, inputs],
                selecting.Select(s => new Evidence(s.Resource.Ref, s.Resource.LocationOf("metadata", "labels"), "selects the pods but is ignored by consul-k8s")).ToList());
        }
    }

    /// <summary>
    /// A Service of the namespace that selects no pod with the same label keys as this pod's, only other values
    /// (app: front-end for app: frontend): most likely this pod's Service with a typo, which MESH102 reports at its cause.
    /// </summary>
    private static bool HasMisaimedService(Workload workload, MeshModel model) =>
        model.Services.Any(s => s.Namespace == workload.Namespace && s.Workloads.Count == 0 && !s.IgnoredByConsul
            && s.Selector.Count > 0 && s.Selector.Keys.All(workload.PodLabels.ContainsKey));

    /// <summary>
    /// A Service written without a namespace was placed in default, but <c>kubectl apply -n</c> may put it beside the pod:
    /// if it would select the pod there, the pod's Service is in the inputs and only the namespace is unknown (MESH104
    /// words that assumption; here it is no fault to report).
    /// </summary>
    private static bool SelectedOnceNamespaced(Workload workload, MeshModel model) =>
        model.Services.Any(s => s.Resource.Namespace is null && s.Namespace != workload.Namespace
            && s.Selector.Count > 0 && LabelIndex.Matches(workload.PodLabels, s.Selector));
}
