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
}
