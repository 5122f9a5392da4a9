using MeshOps.Consul;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH106: a transparent-proxy call to a headless Service or one without ports. Consul's outbound listener
/// matches by the Service's virtual IP (consul#12721, consul-k8s#1203), so such calls bypass the mesh.
/// </summary>
internal sealed class TransparentProxyUpstreamWithoutClusterIp : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.TransparentProxyUpstreamWithoutClusterIp;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var reported = new HashSet<(Workload, KubernetesService)>();
        foreach (var edge in model.Edges)
        {
            // A Consul DNS name resolves to Consul's own virtual IP (or the instances), never to the Service's ClusterIP.
            if (edge.ViaExplicitUpstream || edge.ViaConsulDns || !edge.Source.InMesh || !edge.Source.TransparentProxy || edge.Target is not { } target
                || Problem(target) is not { } problem || DialedDirectly(target) || !reported.Add((edge.Source, target)))
            {
                continue;
            }

            yield return new RuleHit(Descriptor, edge.WrittenIn, edge.Location,
                [edge.Source.Name, edge.TargetNamespace, target.Name, problem, edge.WrittenAt, edge.Source.TransparentProxyOrigin],
                [new Evidence(target.Resource.Ref, target.Resource.LocationOf("spec", target.Ports.Count == 0 ? "selector" : "clusterIP"), problem)]);
        }
    }

    private static string? Problem(KubernetesService service) =>
        string.Equals(service.Service.Spec?.ClusterIP, "None", StringComparison.OrdinalIgnoreCase) ? "is headless (clusterIP: None)"
        : service.Ports.Count == 0 ? "declares no ports"
        : null;

    // dialedDirectly lets tproxy callers reach the upstream's pod IPs, which is how headless Services work in the mesh.
    private static bool DialedDirectly(KubernetesService service) =>
        service.Defaults?.Model is ServiceDefaults { Spec.TransparentProxy.DialedDirectly: true };
}
