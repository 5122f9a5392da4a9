using MeshOps.Sources;
using MeshOps.Rules.Intentions;

namespace MeshOps.Model;

/// <summary>
/// Builds the <see cref="MeshModel"/> from loaded manifests in stages, each producing new data from the ones before:
/// index resources, read pod templates, select (Service ↔ pods), protocols, call discovery, workloads, Services,
/// call edges. Every object is built once with its final values; the model is immutable.
/// </summary>
public static class MeshModelBuilder
{
    /// <summary>
    /// Builds the model of every object Kubernetes would accept; an object it would refuse (an empty list item, a port
    /// out of range) is set aside with a load error in <see cref="MeshModel.SetAside"/> instead of reaching a stage
    /// that would have to guard against it (issue 10).
    /// </summary>
    public static MeshModel Build(ManifestSet manifests, MeshSettingsOverrides? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var accepted = InvalidObjects.Reject(manifests);
        return BuildAccepted(accepted, overrides, setAside: [.. accepted.Errors.Skip(manifests.Errors.Count)]);
    }

    /// <summary>The build over objects <see cref="InvalidObjects"/> has already checked (the analyzer checks before it resolves duplicates).</summary>
    internal static MeshModel BuildAccepted(ManifestSet manifests, MeshSettingsOverrides? overrides, IReadOnlyList<LoadError>? setAside = null)
    {
        var resources = RejectedUpdates.Apply(manifests.Resources, manifests.Superseded);
        var settings = MeshSettingsReader.Read(resources, overrides ?? MeshSettingsOverrides.None);

        // Index resources, read each workload's pod template, and select: which pods each Service selects and back.
        var index = ResourceIndex.Of(resources);
        var templates = index.Workloads.Select(w => PodTemplate.Read(w.Resource, w.Namespace)).OfType<PodTemplate>().ToList();
        var selection = ServiceSelection.Of(index.Services, templates);

        // Protocols, and call discovery: the endpoints and binds each pod's configuration names.
        var protocols = new ProtocolTable(index.ConfigEntriesOf("ServiceDefaults"), index.ConfigEntriesOf("ProxyDefaults"));
        var discovered = templates.Select(t => WorkloadConfigScanner.Scan(t, index.ConfigMaps)).ToList();

        // Workloads, then the Services that select them (a Service's mesh membership and Consul name come from its pods).
        var injection = new InjectionSettings(settings, index.NamespaceLabels);
        var workloads = templates
            .Select((template, t) => WorkloadReader.Read(template, injection, selection.ServicesOf(t).Select(s => index.Services[s]).ToList(), discovered[t].Binds))
            .ToList();

        var services = index.Services.Select((declared, s) => new KubernetesService
        {
            Resource = declared.Resource,
            Service = declared.Service,
            Namespace = declared.Namespace,
            Workloads = selection.TemplatesOf(s).Select(t => workloads[t]).ToList(),
            Defaults = protocols.DefaultsFor(declared.Namespace, declared.Resource.Name),
            Protocol = protocols.For(declared.Namespace, declared.Resource.Name),
        }).ToList();
        var servicesByKey = new Dictionary<ObjectKey, KubernetesService>();
        foreach (var service in services)
        {
            servicesByKey.TryAdd(service.Key, service);
        }

        // The other side of the selection lives in the model, since a workload is built before the Services that select it.
        var selecting = new Dictionary<Workload, IReadOnlyList<KubernetesService>>(workloads.Count);
        for (var t = 0; t < workloads.Count; t++)
        {
            selecting[workloads[t]] = selection.ServicesOf(t).Select(s => services[s]).ToList();
        }

        // Call edges, each resolved to the Service it names.
        var consulServices = new ConsulServiceIndex(services);
        var edges = workloads
            .SelectMany((workload, t) => CallSiteScanner.Edges(workload, discovered[t].Endpoints, selecting[workload], servicesByKey, consulServices))
            .ToList();

        return new MeshModel
        {
            Resources = resources,
            Workloads = workloads,
            Services = services,
            Edges = edges,
            SelectingServices = selecting,
            ServicesByKey = servicesByKey,
            ServiceAccounts = index.ServiceAccounts,
            ConfigMaps = index.ConfigMaps,
            IntentionResources = index.Intentions,
            NetworkPolicies = index.NetworkPolicies,
            WrittenIntentions = [.. manifests.Superseded.Concat(manifests.Resources).Where(r => r.Kind == "ServiceIntentions")],
            ConfigEntries = index.ConfigEntries.ToDictionary(p => p.Key, p => (IReadOnlyList<ManifestResource>)p.Value),
            Namespaces = index.Namespaces,
            ConsulServiceNames = ConsulServiceNames.Collect(resources, services, workloads, settings.KnownServices),
            Protocols = protocols,
            Settings = settings,
            Intentions = new IntentionEvaluator(IntentionSetReader.Read(index.Intentions, settings.ConsulNamespaces)),
            Observed = ObservedStateReader.Read(resources),
            SetAside = setAside ?? [],
        };
    }

    /// <summary>Objects without a namespace go where kubectl would put them with the default context.</summary>
    public static string NamespaceOf(ManifestResource resource) =>
        string.IsNullOrEmpty(resource.Namespace) ? "default" : resource.Namespace;
}
