using System.Globalization;
using MeshOps.Model;
using MeshOps.Rules.Catalog;

namespace MeshOps.Analysis.Rules;

/// <summary>
/// MESH903: a Service the cluster reports with pods behind it and none of them ready. A Service with no address at
/// all selects no pod, which MESH101 and MESH102 explain at the cause.
/// </summary>
internal sealed class NoReadyEndpoints : IMeshRule
{
    public RuleDescriptor Descriptor => RuleCatalog.NoReadyEndpoints;

    public IEnumerable<RuleHit> Check(MeshModel model, RuleContext context)
    {
        var endpointsObjects = new Lazy<Dictionary<ObjectKey, Sources.ManifestResource>>(() => EndpointsObjects(model));
        foreach (var service in model.Services)
        {
            if (service.Selector.Count == 0
                || !model.Observed.Endpoints.TryGetValue(service.Key, out var endpoints)
                || endpoints.Ready > 0
                || endpoints.NotReady == 0)
            {
                continue;
            }

            var causes = service.Workloads.Count == 0
                ? string.Empty
                : $" The pods belong to {string.Join(", ", service.Workloads.Select(w => w.Resource.Ref.ToString()))}; MESH901 and MESH902 name those whose containers or sidecar are down.";
            yield return new RuleHit(Descriptor, service.Resource, WhereReported(endpointsObjects.Value, service),
                [service.Name, service.Namespace, endpoints.NotReady.ToString(CultureInfo.InvariantCulture), causes],
                []);
        }
    }

    /// <summary>The not-ready addresses of the Service's Endpoints where a dump wrote them; else the Service (a live object has no line).</summary>
    private static Sources.SourceLocation WhereReported(IReadOnlyDictionary<ObjectKey, Sources.ManifestResource> endpoints, KubernetesService service) =>
        endpoints.GetValueOrDefault(service.Key)?.LocationOf("subsets", 0, "notReadyAddresses") ?? service.Resource.Location;

    /// <summary>The first Endpoints object of each namespace and name: read once, not once per Service with no ready address.</summary>
    private static Dictionary<ObjectKey, Sources.ManifestResource> EndpointsObjects(MeshModel model)
    {
        var byKey = new Dictionary<ObjectKey, Sources.ManifestResource>();
        foreach (var resource in model.Resources)
        {
            if (resource.Kind == "Endpoints")
            {
                byKey.TryAdd(new ObjectKey(MeshModelBuilder.NamespaceOf(resource), resource.Name), resource);
            }
        }

        return byKey;
    }
}
