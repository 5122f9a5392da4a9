using k8s.Models;
using MeshOps.Sources;
using MeshOps.Sources.Files;
using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>Builds the <see cref="MeshModel"/> from loaded manifests: index, select, attach settings, discover calls.</summary>
public static class MeshModelBuilder
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"];

    private static readonly HashSet<string> ConsulKinds =
    [
        "ServiceDefaults", "ProxyDefaults", "Mesh", "ServiceResolver", "ServiceRouter", "ServiceSplitter",
        "ExportedServices", "IngressGateway", "TerminatingGateway",
    ];

    public static MeshModel Build(ManifestSet manifests, MeshSettingsOverrides? overrides = null)
    {
        var resources = manifests.Resources;
        var settings = MeshSettingsReader.Read(resources, overrides ?? MeshSettingsOverrides.None);
        var namespaceLabels = resources.Where(r => r.Kind == "Namespace" && r.Model is V1Namespace)
            .GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First().Labels);
        var injection = new InjectionSettings(settings, namespaceLabels);
        var owners = resources.Select(r => (r.Kind, NamespaceOf(r), r.Name)).ToHashSet();

        var workloads = new List<Workload>();
        var services = new List<KubernetesService>();
        var serviceAccounts = new Dictionary<ObjectKey, ManifestResource>();
        var configMaps = new Dictionary<ObjectKey, ManifestResource>();
        var intentions = new List<ManifestResource>();
        var configEntries = new Dictionary<string, List<ManifestResource>>();
        var namespaces = new HashSet<string>();

        foreach (var resource in resources)
        {
            var ns = NamespaceOf(resource);
            namespaces.Add(ns);
            switch (resource.Model)
            {
                case V1Service service:
                    services.Add(new KubernetesService { Resource = resource, Service = service, Namespace = ns });
                    break;
                case V1ServiceAccount:
                    serviceAccounts.TryAdd(new ObjectKey(ns, resource.Name), resource);
                    break;
                case V1ConfigMap:
                    configMaps.TryAdd(new ObjectKey(ns, resource.Name), resource);
                    break;
                case V1Namespace:
                    namespaces.Add(resource.Name);
                    break;
                default:
                    if (resource.Kind == "ServiceIntentions")
                    {
                        intentions.Add(resource);
                    }
                    else if (ConsulKinds.Contains(resource.Kind))
                    {
                        Add(configEntries, resource.Kind, resource);
                    }
                    else if (WorkloadKinds.Contains(resource.Kind) && !IsOwnedByInput(resource, ns, owners)
                        && WorkloadReader.Read(resource, ns, injection) is { } workload)
                    {
                        workloads.Add(workload);
                    }

                    break;
            }
        }

        var servicesByKey = new Dictionary<ObjectKey, KubernetesService>();
        foreach (var service in services)
        {
            servicesByKey.TryAdd(service.Key, service);
        }

        SelectWorkloads(services, workloads);
        var protocols = new ProtocolTable(configEntries.GetValueOrDefault("ServiceDefaults") ?? [],
            configEntries.GetValueOrDefault("ProxyDefaults") ?? []);
        foreach (var service in services)
        {
            service.Defaults = protocols.DefaultsFor(service.Namespace, service.Name);
            service.Protocol = protocols.For(service.Namespace, service.Name);
        }

        var edges = new List<CallEdge>();
        foreach (var workload in workloads)
        {
            var (endpoints, binds) = WorkloadConfigScanner.Scan(workload, configMaps);
            workload.Binds = binds;
            foreach (var edge in CallSiteScanner.Edges(workload, endpoints))
            {
                edge.Target = servicesByKey.GetValueOrDefault(new ObjectKey(edge.TargetNamespace, edge.TargetName));
                edges.Add(edge);
            }
        }

        return new MeshModel
        {
            Resources = resources,
            Workloads = workloads,
            Services = services,
            Edges = edges,
            ServicesByKey = servicesByKey,
            ServiceAccounts = serviceAccounts,
            ConfigMaps = configMaps,
            IntentionResources = intentions,
            ConfigEntries = configEntries.ToDictionary(p => p.Key, p => (IReadOnlyList<ManifestResource>)p.Value),
            Namespaces = namespaces,
            ConsulServiceNames = ConsulServiceNames.Collect(resources, services, workloads),
            Protocols = protocols,
            Settings = settings,
            Intentions = new IntentionEvaluator(IntentionSetReader.Read(intentions)),
            Observed = ObservedStateReader.Read(resources),
        };
    }

    /// <summary>Objects without a namespace go where kubectl would put them with the default context.</summary>
    public static string NamespaceOf(ManifestResource resource) =>
        string.IsNullOrEmpty(resource.Namespace) ? "default" : resource.Namespace;

    private static void SelectWorkloads(List<KubernetesService> services, List<Workload> workloads)
    {
        var index = new LabelIndex(workloads);
        var selectedBy = new Dictionary<Workload, List<KubernetesService>>();
        foreach (var service in services)
        {
            service.Workloads = index.Select(service.Namespace, service.Selector);
            foreach (var workload in service.Workloads)
            {
                if (!selectedBy.TryGetValue(workload, out var list))
                {
                    selectedBy[workload] = list = [];
                }

                list.Add(service);
            }
        }

        foreach (var (workload, list) in selectedBy)
        {
            workload.Services = list;
        }
    }

    /// <summary>
    /// A live dump (<c>kubectl get all -o yaml</c>) lists a Deployment, its ReplicaSet and its Pods; only the
    /// top owner is analysed, or every finding would appear three times.
    /// </summary>
    private static bool IsOwnedByInput(ManifestResource resource, string ns, HashSet<(string, string, string)> owners)
    {
        var ownerReferences = resource.Model switch
        {
            V1Pod pod => pod.Metadata?.OwnerReferences,
            V1ReplicaSet set => set.Metadata?.OwnerReferences,
            _ => null,
        };
        return ownerReferences?.Any(o => owners.Contains((o.Kind, ns, o.Name))) ?? false;
    }

    private static void Add(Dictionary<string, List<ManifestResource>> map, string key, ManifestResource resource)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(resource);
    }
}
