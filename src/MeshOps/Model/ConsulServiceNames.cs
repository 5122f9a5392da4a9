using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>Collects the service names the inputs would register in Consul's catalog.</summary>
internal static class ConsulServiceNames
{
    /// <summary>
    /// Names from Services, mesh workloads, gateways, terminating-gateway services, service config entries, and the
    /// services known to exist outside the inputs (the caller's, and those the consul-k8s chart installs).
    /// </summary>
    public static IReadOnlySet<string> Collect(
        IEnumerable<ManifestResource> resources, IEnumerable<KubernetesService> services, IEnumerable<Workload> workloads, IEnumerable<KnownService> known)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith(known.Select(k => k.Name));
        names.UnionWith(services.Select(s => s.Name));
        names.UnionWith(workloads.Where(w => w.InMesh).Select(w => w.ConsulServiceName));
        foreach (var resource in resources)
        {
            switch (resource.Kind)
            {
                // consul-k8s registers API (Gateway API "Gateway"), ingress and terminating gateways under their own names.
                case "Gateway" when resource.ApiVersion.StartsWith("gateway.networking.k8s.io/", StringComparison.Ordinal):
                    names.Add(resource.Name);
                    break;
                case "IngressGateway":
                    names.Add(resource.Name);
                    break;
                // A service someone configures is a service they run, even when its Deployment lives elsewhere.
                case "ServiceDefaults" or "ServiceResolver" or "ServiceRouter" or "ServiceSplitter":
                    names.Add(resource.Name);
                    break;
                case "TerminatingGateway":
                    names.Add(resource.Name);
                    if (resource.Model is TerminatingGateway { Spec.Services: { } linked })
                    {
                        names.UnionWith(linked.Select(l => l.Name).OfType<string>());
                    }

                    break;
            }
        }

        return names;
    }
}
