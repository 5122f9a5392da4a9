using MeshOps.Discovery;

namespace MeshOps.Model;

/// <summary>The Kubernetes Services whose mesh pods register each Consul service name, to resolve Consul DNS names.</summary>
internal sealed class ConsulServiceIndex(IEnumerable<KubernetesService> services)
{
    // Only pods consul-k8s injects are registered in Consul (endpoints controller); a Service with none, or one
    // labelled service-ignore, is not what a Consul name reaches.
    private readonly ILookup<string, KubernetesService> byConsulName = services
        .Where(s => s.InMesh && !s.IgnoredByConsul)
        .ToLookup(s => s.ConsulName, StringComparer.Ordinal);

    /// <summary>
    /// The Service a local Consul DNS name reaches, or null. consul-k8s CE registers every Kubernetes namespace's
    /// services in Consul namespace "default", so one Consul name may come from several Kubernetes namespaces: the
    /// caller's is preferred, then the first in input order. A Consul Enterprise namespace label other than "default"
    /// must equal the Service's Kubernetes namespace (namespace mirroring); an ingress lookup reaches a gateway instead.
    /// </summary>
    public KubernetesService? Resolve(ConsulDnsName name, string callerNamespace)
    {
        if (name.IsRemote || name.Kind == ConsulDnsKind.Ingress)
        {
            return null;
        }

        var candidates = byConsulName[name.Service];
        if (name.Namespace is { } ns && ns != "default")
        {
            return candidates.FirstOrDefault(s => s.Namespace == ns);
        }

        return candidates.FirstOrDefault(s => s.Namespace == callerNamespace) ?? candidates.FirstOrDefault();
    }
}
