using k8s.Models;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>A Service as declared, before the model knows which pods it selects.</summary>
internal sealed record DeclaredService(ManifestResource Resource, V1Service Service, string Namespace);

/// <summary>The first stage of the model: the loaded objects sorted by what they are, in input order.</summary>
internal sealed class ResourceIndex
{
    private static readonly HashSet<string> WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod"];

    private static readonly HashSet<string> ConsulKinds =
    [
        "ServiceDefaults", "ProxyDefaults", "Mesh", "ServiceResolver", "ServiceRouter", "ServiceSplitter",
        "ExportedServices", "IngressGateway", "TerminatingGateway",
    ];

    public List<DeclaredService> Services { get; } = [];

    /// <summary>Workload objects to analyse, with their namespace; objects owned by another input are left out.</summary>
    public List<(ManifestResource Resource, string Namespace)> Workloads { get; } = [];

    public Dictionary<ObjectKey, ManifestResource> ServiceAccounts { get; } = [];

    public Dictionary<ObjectKey, ManifestResource> ConfigMaps { get; } = [];

    public List<ManifestResource> Intentions { get; } = [];

    public List<ManifestResource> NetworkPolicies { get; } = [];

    public Dictionary<string, List<ManifestResource>> ConfigEntries { get; } = [];

    public HashSet<string> Namespaces { get; } = [];

    /// <summary>Labels of Namespace objects by name, for the injection settings.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> NamespaceLabels { get; } = [];

    public IReadOnlyList<ManifestResource> ConfigEntriesOf(string kind) => ConfigEntries.GetValueOrDefault(kind) ?? [];

    public static ResourceIndex Of(IReadOnlyList<ManifestResource> resources)
    {
        var index = new ResourceIndex();
        var owners = resources.Select(r => (r.Kind, MeshModelBuilder.NamespaceOf(r), r.Name)).ToHashSet();
        foreach (var resource in resources)
        {
            var ns = MeshModelBuilder.NamespaceOf(resource);
            index.Namespaces.Add(ns);
            switch (resource.Model)
            {
                case V1Service service:
                    index.Services.Add(new DeclaredService(resource, service, ns));
                    break;
                case V1ServiceAccount:
                    index.ServiceAccounts.TryAdd(new ObjectKey(ns, resource.Name), resource);
                    break;
                case V1ConfigMap:
                    index.ConfigMaps.TryAdd(new ObjectKey(ns, resource.Name), resource);
                    break;
                case V1NetworkPolicy:
                    index.NetworkPolicies.Add(resource);
                    break;
                case V1Namespace:
                    index.Namespaces.Add(resource.Name);
                    index.NamespaceLabels.TryAdd(resource.Name, resource.Labels);
                    break;
                default:
                    if (resource.Kind == "ServiceIntentions")
                    {
                        index.Intentions.Add(resource);
                    }
                    else if (ConsulKinds.Contains(resource.Kind))
                    {
                        if (!index.ConfigEntries.TryGetValue(resource.Kind, out var list))
                        {
                            index.ConfigEntries[resource.Kind] = list = [];
                        }

                        list.Add(resource);
                    }
                    else if (WorkloadKinds.Contains(resource.Kind) && !IsOwnedByInput(resource, ns, owners))
                    {
                        index.Workloads.Add((resource, ns));
                    }

                    break;
            }
        }

        return index;
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
}
