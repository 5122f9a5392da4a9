using MeshOps.Rules.Text;

namespace MeshOps.Discovery;

/// <summary>Reads Kubernetes Service DNS names: <c>svc</c>, <c>svc.ns</c>, <c>svc.ns.svc</c>, <c>svc.ns.svc.cluster.local</c>.</summary>
public static class KubernetesServiceHost
{
    /// <summary>
    /// The Service and namespace a host names, or null for IP addresses, loopback and names that are not cluster
    /// Service names (more than two labels without "svc" as the third, e.g. <c>api.example.com</c>). A custom cluster
    /// domain is accepted after "svc". Two labels are always read as <c>svc.ns</c> (so <c>example.com</c> gives
    /// service "example" in namespace "com"): only the caller knows which namespaces exist.
    /// </summary>
    public static ServiceHostName? Split(string host)
    {
        if (host.Length == 0 || LoopbackHosts.IsLoopback(host) || LoopbackHosts.IsIpLiteral(host))
        {
            return null;
        }

        var labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
        if (!labels.All(Dns1123.IsValidLabel))
        {
            return null;
        }

        return labels.Length switch
        {
            1 => new ServiceHostName(labels[0], null),
            2 => new ServiceHostName(labels[0], labels[1]),
            _ when labels[2] == "svc" => new ServiceHostName(labels[0], labels[1]),
            _ => null,
        };
    }
}
