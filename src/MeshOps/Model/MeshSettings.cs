using MeshOps.Analysis;

namespace MeshOps.Model;

/// <summary>The mesh-wide settings that change verdicts, each with its origin (caller override, Helm values, resource, default).</summary>
public sealed record MeshSettings
{
    public required Setting<bool> ConnectInjectEnabled { get; init; }

    /// <summary>Inject pods that carry no connect-inject annotation (Helm connectInject.default).</summary>
    public required Setting<bool> ConnectInjectDefault { get; init; }

    /// <summary>
    /// Helm connectInject.k8sAllowNamespaces and k8sDenyNamespaces: the webhook refuses pods in a denied namespace, or in
    /// one the allow list does not name, before it reads their annotation (mesh_webhook.go shouldInject).
    /// </summary>
    public InjectionNamespaces InjectionNamespaces { get; init; } = InjectionNamespaces.ChartDefault;

    /// <summary>Helm global.enableConsulNamespaces and connectInject.consulNamespaces: the Consul namespace of each Kubernetes namespace.</summary>
    public ConsulNamespaces ConsulNamespaces { get; init; } = ConsulNamespaces.Unknown;

    /// <summary>Transparent proxy for pods that do not say otherwise (Helm connectInject.transparentProxy.defaultEnabled).</summary>
    public required Setting<bool> TransparentProxyDefault { get; init; }

    public required Setting<bool> AclsEnabled { get; init; }

    public required Setting<bool> TlsEnabled { get; init; }

    /// <summary>What Consul decides for a call no intention matches.</summary>
    public required Setting<DefaultPolicy> DefaultPolicy { get; init; }

    /// <summary>Mesh transparentProxy.meshDestinationsOnly: outbound calls to non-mesh destinations are blocked.</summary>
    public required Setting<bool> MeshDestinationsOnly { get; init; }

    /// <summary>
    /// Services that exist though the inputs do not declare them: named by the caller, or installed by the consul-k8s
    /// chart as its values imply. Each says where it comes from.
    /// </summary>
    public IReadOnlyList<KnownService> KnownServices { get; init; } = [];

    /// <summary>The known service that answers to this name in this namespace, if any.</summary>
    public KnownService? FindKnownService(string name, string ns) => KnownServices.FirstOrDefault(k => k.Matches(name, ns));
}

/// <summary>The connect injector's namespace allow and deny lists, with where they were set.</summary>
public sealed record InjectionNamespaces(IReadOnlyList<string> Allow, IReadOnlyList<string> Deny, string Origin)
{
    public static readonly InjectionNamespaces ChartDefault = new(["*"], [], "consul-k8s chart default");

    /// <summary>Why the webhook refuses every pod of the namespace, or null when it may inject there.</summary>
    public string? Refuses(string ns) =>
        Deny.Contains(ns) ? $"namespace {ns} is in connectInject.k8sDenyNamespaces ({Origin})"
        : !Allow.Contains("*") && !Allow.Contains(ns) ? $"namespace {ns} is not in connectInject.k8sAllowNamespaces ({Origin})"
        : null;
}
