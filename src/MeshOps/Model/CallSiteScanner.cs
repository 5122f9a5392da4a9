using MeshOps.Discovery;

namespace MeshOps.Model;

/// <summary>Turns a workload's discovered endpoints and explicit upstreams into call edges, each resolved to its Service.</summary>
internal static class CallSiteScanner
{
    public static IEnumerable<CallEdge> Edges(Workload workload, IReadOnlyList<LocatedEndpoint> endpoints,
        IReadOnlyList<KubernetesService> ownServices, IReadOnlyDictionary<ObjectKey, KubernetesService> servicesByKey)
    {
        var ownNames = ownServices.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (endpoint, site) in endpoints)
        {
            // Loopback calls go to the pod itself or to an explicit upstream listener; the upstream annotation
            // below is the edge for the latter.
            if (endpoint.IsLoopback || endpoint.Service is not { } host)
            {
                continue;
            }

            var ns = host.Namespace ?? workload.Namespace;
            if (ns == workload.Namespace && ownNames.Contains(host.Service))
            {
                continue;
            }

            yield return new CallEdge
            {
                Source = workload,
                TargetName = host.Service,
                TargetNamespace = ns,
                Port = endpoint.Port,
                Scheme = endpoint.Scheme?.ToLowerInvariant(),
                Origin = site.Origin,
                Excerpt = endpoint.Excerpt,
                WrittenAt = site.WrittenAt,
                WrittenIn = site.WrittenIn,
                Location = site.Location,
                Target = servicesByKey.GetValueOrDefault(new ObjectKey(ns, host.Service)),
            };
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
}
