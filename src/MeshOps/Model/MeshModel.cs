using MeshOps.Sources;
using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>
/// The mesh as the manifests describe it: workloads, services, identities, configuration and who calls whom.
/// Lookups are indexed so rules never scan pairs.
/// </summary>
public sealed class MeshModel
{
    /// <summary>Every object read, including kinds MeshOps does not model (Model is null for those).</summary>
    public required IReadOnlyList<ManifestResource> Resources { get; init; }

    /// <summary>The Pods among <see cref="Resources"/>, indexed on first use (a live snapshot's; files seldom hold any).</summary>
    internal PodIndex Pods => _pods ??= new PodIndex(Resources.Where(r => r.Kind == "Pod"));

    private PodIndex? _pods;

    public required IReadOnlyList<Workload> Workloads { get; init; }

    public required IReadOnlyList<KubernetesService> Services { get; init; }

    public required IReadOnlyList<CallEdge> Edges { get; init; }

    public required IReadOnlyDictionary<ObjectKey, KubernetesService> ServicesByKey { get; init; }

    public required IReadOnlyDictionary<ObjectKey, ManifestResource> ServiceAccounts { get; init; }

    public required IReadOnlyDictionary<ObjectKey, ManifestResource> ConfigMaps { get; init; }

    /// <summary>ServiceIntentions resources, in input order.</summary>
    public required IReadOnlyList<ManifestResource> IntentionResources { get; init; }

    /// <summary>NetworkPolicy objects, in input order.</summary>
    public IReadOnlyList<ManifestResource> NetworkPolicies { get; init; } = [];

    /// <summary>
    /// Every ServiceIntentions copy as written, in apply order, including those a later copy replaced or whose update the
    /// webhook refuses (<see cref="RejectedUpdates"/>); <see cref="IntentionResources"/> holds what the cluster keeps.
    /// </summary>
    public IReadOnlyList<ManifestResource> WrittenIntentions { get; init; } = [];

    /// <summary>Consul config entries other than intentions, by kind (ServiceDefaults, ServiceRouter, …).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ManifestResource>> ConfigEntries { get; init; }

    /// <summary>
    /// Every name the inputs register in Consul's catalog: Services, mesh workloads, gateways and the external
    /// services that terminating gateways front. Consul CE has one namespace, so names are not namespaced.
    /// </summary>
    public required IReadOnlySet<string> ConsulServiceNames { get; init; }

    /// <summary>Namespaces that appear anywhere in the inputs (objects without one count as "default").</summary>
    public required IReadOnlySet<string> Namespaces { get; init; }

    public required ProtocolTable Protocols { get; init; }

    /// <summary>Mesh-wide settings (Helm values, Mesh resource, caller overrides) with their origins.</summary>
    public required MeshSettings Settings { get; init; }

    /// <summary>The intentions as Consul evaluates them; each entry's Origin is an <see cref="IntentionOrigin"/>.</summary>
    public required IntentionEvaluator Intentions { get; init; }

    /// <summary>Load errors for the objects set aside because Kubernetes would refuse them; they are not in the model.</summary>
    public IReadOnlyList<LoadError> SetAside { get; init; } = [];

    /// <summary>What the cluster reported (pod and container readiness, endpoints, Synced conditions); empty for manifests.</summary>
    public ObservedState Observed { get; init; } = ObservedState.None;

    /// <summary>For each workload, the Services whose selector selects its pods, in input order.</summary>
    public required IReadOnlyDictionary<Workload, IReadOnlyList<KubernetesService>> SelectingServices { get; init; }

    /// <summary>The Services whose selector selects this workload's pods (a Service's own side is <see cref="KubernetesService.Workloads"/>).</summary>
    public IReadOnlyList<KubernetesService> ServicesSelecting(Workload workload) =>
        SelectingServices.TryGetValue(workload, out var services) ? services : [];

    public IReadOnlyList<ManifestResource> ConfigEntriesOf(string kind) =>
        ConfigEntries.TryGetValue(kind, out var list) ? list : [];

    // Built on first use: -All asks it once per traced pair, and without Helm values it scans every intention.
    private CallerNamespaces? callerNamespaces;

    /// <summary>The Consul namespaces each side of a call may be in, shared by MESH201, the Intention hop and Test-MeshIntention.</summary>
    internal CallerNamespaces CallerNamespaces => callerNamespaces ??= CallerNamespaces.Of(this);

    private NearestServiceNames? nearestServiceNames;

    /// <summary>The declared service a name is a near miss of ("did you mean"), or null; searched once per name (a race may search twice, with the same answer).</summary>
    internal NearestServiceNames NearestServiceNames => nearestServiceNames ??= new NearestServiceNames(ConsulServiceNames);

    public KubernetesService? FindService(string ns, string name) =>
        ServicesByKey.TryGetValue(new ObjectKey(ns, name), out var service) ? service : null;
}
