using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH107: a mesh pod whose first container declares no port and that has no connect-service-port annotation.
/// consul-k8s takes the service port from the first container (mesh_webhook defaultAnnotations), so it registers port 0
/// (consul-k8s#195, consul#9276). That breaks only callers: the consul-k8s docs' own static-client (curl + sleep) is
/// such a pod, and nothing ever dials it. So it matters only when something in the inputs calls the service.
/// consul-k8s 2.0 changed the registration (endpoints_controller.go servicePortsForRegistration): without a port
/// annotation it registers the ports of the Endpoints that select the pod, so a called portless pod works there. The
/// manifests do not say which consul-k8s runs, so the finding states that it assumes 1.x and is at most a Warning.
/// </summary>
internal sealed class MeshPodWithoutPort : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.MeshPodWithoutPort;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        IReadOnlyDictionary<string, string>? called = null;
        foreach (var workload in model.Workloads.Where(w => w.InMesh))
        {
            var first = workload.PodSpec.Containers?.FirstOrDefault();
            if (first is null || first.Ports is { Count: > 0 } || workload.PodAnnotations.ContainsKey(ConsulAnnotations.ConnectServicePort))
            {
                continue;
            }

            called ??= InboundReferences.Of(model);
            var why = new[] { workload.ConsulServiceName }.Concat(model.ServicesSelecting(workload).Select(s => s.Name))
                .Select(name => called.GetValueOrDefault(name))
                .FirstOrDefault(w => w is not null);
            var consequence = why is null
                ? "Nothing in the inputs calls it (no call, allowing intention, route or upstream names it), and port 0 is harmless for a client-only pod such as the consul-k8s docs' static-client; it breaks only once something calls it."
                : $"That breaks its callers ({why}): its Envoy forwards every inbound connection to 127.0.0.1:0, which fails without logging why.";
            yield return new RuleHit(Descriptor, workload.Resource, workload.LocationOfPodField("containers", 0),
                [workload.Name, workload.Namespace, first.Name, workload.LabelSelector, workload.InMeshOrigin, consequence], [],
                why is null ? Severity.Info : null,
                Assumption: why is null ? null
                    : "consul-k8s 1.x, which registers a pod without declared ports on port 0; consul-k8s 2.0 and later register the ports of the Services that select it, and there the call works.");
        }
    }
}
