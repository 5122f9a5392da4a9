using MeshOps.Analysis;

namespace MeshOps.Model;

/// <summary>The mesh-wide settings that change verdicts, each with its origin (caller override, Helm values, resource, default).</summary>
public sealed record MeshSettings
{
    public required Setting<bool> ConnectInjectEnabled { get; init; }

    /// <summary>Inject pods that carry no connect-inject annotation (Helm connectInject.default).</summary>
    public required Setting<bool> ConnectInjectDefault { get; init; }

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
