using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// One ServiceDefaults asked for with plain values (what <c>New-MeshServiceDefault</c> binds). Nothing is checked until
/// <see cref="ServiceDefaultsComposer"/> composes it.
/// </summary>
public sealed record ServiceDefaultsRequest(string Name, MeshProtocol Protocol)
{
    /// <summary><c>metadata.namespace</c>; null leaves it to kubectl's context.</summary>
    public string? Namespace { get; init; }

    public ServiceDefaultsMutualTLSMode? MutualTlsMode { get; init; }

    /// <summary><c>meshGateway.mode</c>.</summary>
    public ServiceDefaultsMeshGatewayMode? MeshGatewayMode { get; init; }

    public long? LocalConnectTimeoutMs { get; init; }

    public long? LocalRequestTimeoutMs { get; init; }

    public long? MaxInboundConnections { get; init; }

    /// <summary>
    /// <c>upstreamConfig.overrides</c>, one map per upstream with the keys of <see cref="UpstreamOverrideMap.Keys"/>
    /// (<c>Name</c>, <c>Protocol</c>, <c>ConnectTimeoutMs</c>, …), case-insensitive, as a PowerShell hashtable gives them.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> UpstreamOverrides { get; init; } = [];
}
