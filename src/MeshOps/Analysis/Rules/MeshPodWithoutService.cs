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
        var services = new UnselectingServices(model.Services);
        // Inputs with no Service in a namespace say nothing about that namespace's Services: they are Deployments whose
        // Services come from elsewhere (a chart, a kustomize base, another folder), or a snippet checked for something
        // else. Only where the inputs do declare the namespace's Services is a pod none of them selects a fault.
        foreach (var workload in model.Workloads.Where(w => w.InMesh && !w.PodAnnotations.ContainsKey(GatewayKind) && namespacesWithServices.Contains(w.Namespace)))
        {
            var selecting = model.ServicesSelecting(workload);
            if (selecting.Any(s => !s.IgnoredByConsul) || services.HasMisaimed(workload) || services.SelectedOnceNamespaced(workload))
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
    /// The Services that may explain a pod no Service selects, indexed once per check: a broken mesh (one label typo
    /// in a shared template) leaves every pod unselected, and a scan of every Service for each of them made 4,000
    /// services take 2 s here.
    /// </summary>
    private sealed class UnselectingServices
    {
        // Per namespace, the distinct key sets of the selectors of Services that select nothing.
        private readonly Dictionary<string, List<string[]>> _misaimedKeys = new(StringComparer.Ordinal);

        // Services written without a namespace, by the first of their selector's pairs (every pair must match).
        private readonly Dictionary<(string Key, string Value), List<KubernetesService>> _unnamespaced = [];

        public UnselectingServices(IReadOnlyList<KubernetesService> services)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var service in services)
            {
                var selector = service.Selector;
                if (selector.Count == 0)
                {
                    continue;
                }

                var keys = selector.Keys.Order(StringComparer.Ordinal).ToArray();
                if (service.Workloads.Count == 0 && !service.IgnoredByConsul && seen.Add(KeySetOf(service.Namespace, keys)))
                {
                    if (!_misaimedKeys.TryGetValue(service.Namespace, out var keySets))
                    {
                        _misaimedKeys[service.Namespace] = keySets = [];
                    }

                    keySets.Add(keys);
                }

                if (service.Resource.Namespace is null)
                {
                    var first = (keys[0], selector[keys[0]]);
                    if (!_unnamespaced.TryGetValue(first, out var list))
                    {
                        _unnamespaced[first] = list = [];
                    }

                    list.Add(service);
                }
            }
        }

        /// <summary>The namespace and keys, each prefixed with its length, so that no two different sets read alike.</summary>
        private static string KeySetOf(string ns, string[] keys) =>
            string.Concat(keys.Prepend(ns).Select(part => $"{part.Length}:{part}"));

        /// <summary>
        /// A Service of the namespace that selects no pod with the same label keys as this pod's, only other values
        /// (app: front-end for app: frontend): most likely this pod's Service with a typo, which MESH102 reports at its cause.
        /// </summary>
        public bool HasMisaimed(Workload workload) =>
            _misaimedKeys.TryGetValue(workload.Namespace, out var keySets) && keySets.Any(keys => keys.All(workload.PodLabels.ContainsKey));

        /// <summary>
        /// A Service written without a namespace was placed in default, but <c>kubectl apply -n</c> may put it beside the pod:
        /// if it would select the pod there, the pod's Service is in the inputs and only the namespace is unknown (MESH104
        /// words that assumption; here it is no fault to report).
        /// </summary>
        public bool SelectedOnceNamespaced(Workload workload)
        {
            foreach (var label in workload.PodLabels)
            {
                if (_unnamespaced.TryGetValue((label.Key, label.Value), out var services)
                    && services.Any(s => s.Namespace != workload.Namespace && LabelIndex.Matches(workload.PodLabels, s.Selector)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
