using MeshOps.Discovery;

namespace MeshOps.Model;

/// <summary>Turns a workload's discovered endpoints and explicit upstreams into call edges, each resolved to its Service.</summary>
internal static class CallSiteScanner
{
    public static IEnumerable<CallEdge> Edges(Workload workload, IReadOnlyList<LocatedEndpoint> endpoints,
        IReadOnlyList<KubernetesService> ownServices, IReadOnlyDictionary<ObjectKey, KubernetesService> servicesByKey,
        ConsulServiceIndex consulServices)
    {
        var ownNames = ownServices.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (endpoint, site) in endpoints)
        {
            // Loopback calls go to the pod itself or to an explicit upstream listener; the upstream annotation
            // below is the edge for the latter.
            if (endpoint.IsLoopback)
            {
                continue;
            }

            if (endpoint.ConsulName is { } consulName)
            {
                if (ConsulEdge(workload, endpoint, site, consulName, ownServices, consulServices) is { } consulEdge)
                {
                    yield return consulEdge;
                }

                continue;
            }

            if (endpoint.Service is not { } host)
            {
                continue;
            }

            var ns = host.Namespace ?? workload.Namespace;
            if (ns == workload.Namespace && ownNames.Contains(host.Service))
            {
                continue;
            }

            yield return EdgeOf(workload, endpoint, site, host.Service, ns, servicesByKey.GetValueOrDefault(new ObjectKey(ns, host.Service)));
        }

        if (workload.ExplicitUpstreams.Count == 0)
        {
            yield break;
        }

        var annotation = workload.LocationOfTemplateAnnotation(ConsulAnnotations.ConnectServiceUpstreams);
        foreach (var upstream in workload.ExplicitUpstreams)
        {
            var ns = upstream.Namespace ?? workload.Namespace;
            yield return new CallEdge
            {
                Source = workload,
                TargetName = upstream.Service,
                TargetNamespace = ns,
                Port = upstream.LocalPort,
                Origin = CallOrigin.UpstreamAnnotation,
                Excerpt = upstream.Excerpt,
                WrittenAt = $"annotation {ConsulAnnotations.ConnectServiceUpstreams} of {workload}",
                WrittenIn = workload.Resource,
                Location = annotation,
                ViaExplicitUpstream = true,
                Target = servicesByKey.GetValueOrDefault(new ObjectKey(ns, upstream.Service)),
            };
        }
    }

    /// <summary>
    /// A call written as a Consul DNS name. A local one resolves by Consul service name (consul-k8s CE registers every
    /// Kubernetes namespace's services in Consul namespace "default"); a remote one has no Target. A call to the
    /// caller's own service is not an edge, as for Kubernetes names.
    /// </summary>
    private static CallEdge? ConsulEdge(Workload workload, DiscoveredEndpoint endpoint, ConfigSite site, ConsulDnsName name,
        IReadOnlyList<KubernetesService> ownServices, ConsulServiceIndex consulServices)
    {
        if (!name.IsRemote && (name.Service == workload.ConsulServiceName || ownServices.Any(s => s.ConsulName == name.Service)))
        {
            return null;
        }

        var target = name.IsRemote ? null : consulServices.Resolve(name, workload.Namespace);
        return EdgeOf(workload, endpoint, site, name.Service, target?.Namespace ?? workload.Namespace, target, name);
    }

    /// <summary>The edge for a call the configuration writes out (a URL, host:port or connection string).</summary>
    private static CallEdge EdgeOf(Workload workload, DiscoveredEndpoint endpoint, ConfigSite site, string targetName, string targetNamespace,
        KubernetesService? target, ConsulDnsName? consulDns = null) => new()
    {
        Source = workload,
        TargetName = targetName,
        TargetNamespace = targetNamespace,
        Port = endpoint.Port,
        Scheme = endpoint.Scheme?.ToLowerInvariant(),
        Origin = site.Origin,
        Excerpt = endpoint.Excerpt,
        WrittenAt = site.WrittenAt,
        WrittenIn = site.WrittenIn,
        Location = site.Location,
        Target = target,
        ConsulDns = consulDns,
        RequestPath = endpoint.Path,
        RequestMethod = endpoint.Method,
    };
}
