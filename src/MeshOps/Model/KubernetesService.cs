using k8s.Models;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>A Kubernetes Service, the workloads it selects, and the Consul settings that apply to it.</summary>
public sealed class KubernetesService
{
    public required ManifestResource Resource { get; init; }

    public required V1Service Service { get; init; }

    public required string Namespace { get; init; }

    public string Name => Resource.Name;

    public IReadOnlyList<V1ServicePort> Ports => _ports ??= Service.Spec?.Ports?.ToList() ?? [];

    /// <summary>The Service's selector; read once, since rules ask for it inside loops over workloads.</summary>
    public IReadOnlyDictionary<string, string> Selector => _selector ??= SelectorOf(Service);

    /// <summary>The workloads whose pods the selector selects, in input order.</summary>
    public required IReadOnlyList<Workload> Workloads { get; init; }

    /// <summary>The ServiceDefaults for this service, if any.</summary>
    public ManifestResource? Defaults { get; init; }

    /// <summary>The protocol in force and where it was set.</summary>
    public ProtocolSetting Protocol { get; init; } = ProtocolSetting.ConsulDefault;

    // Asked for every call and path: read once from the selected workloads, which are fixed when the Service is built.
    public bool InMesh => _inMesh ??= Workloads.Any(w => w.InMesh);

    /// <summary>consul-k8s skips Services labelled consul.hashicorp.com/service-ignore when it registers pods.</summary>
    public bool IgnoredByConsul => IsIgnoredByConsul(Resource);

    /// <summary>The Consul service name its mesh pods register as (their connect-service annotation, else this name).</summary>
    public string ConsulName => _consulName ??= Workloads.FirstOrDefault(w => w.InMesh)?.ConsulServiceName ?? Name;

    public ObjectKey Key => new(Namespace, Name);

    public override string ToString() => $"Service/{Name}";

    internal static IReadOnlyDictionary<string, string> SelectorOf(V1Service service) =>
        service.Spec?.Selector is { Count: > 0 } selector ? selector.AsReadOnly() : EmptySelector;

    internal static bool IsIgnoredByConsul(ManifestResource resource) =>
        resource.Labels.TryGetValue(ConsulAnnotations.ServiceIgnore, out var value) && value.Trim() == "true";

    private IReadOnlyList<V1ServicePort>? _ports;
    private IReadOnlyDictionary<string, string>? _selector;
    private bool? _inMesh;
    private string? _consulName;

    private static readonly IReadOnlyDictionary<string, string> EmptySelector = new Dictionary<string, string>();
}

/// <summary>A service's protocol and its origin: ServiceDefaults, ProxyDefaults or Consul's default (tcp).</summary>
public sealed record ProtocolSetting(string Value, string Origin, ManifestResource? Resource, SourceLocation? Location = null)
{
    public static readonly ProtocolSetting ConsulDefault = new("tcp", "Consul's default", null);

    public bool IsL7 => MeshOps.Rules.Text.Protocols.IsL7(Value);

    public override string ToString() => Resource is null ? $"{Value} ({Origin})" : $"{Value} (set in {Origin} at {Location ?? Resource.Location})";
}
