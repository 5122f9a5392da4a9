namespace MeshOps.Envoy.Config;

/// <summary>What readers of one dump share: where it came from and what the bootstrap and clusters say about the sidecar.</summary>
internal sealed record ConfigContext(EnvoySource Source)
{
    /// <summary>The service the sidecar fronts (node cluster): the destination of its intentions.</summary>
    public string? Service { get; init; }

    /// <summary>This mesh's trust domain (from its upstream clusters), to tell a peer's SPIFFE IDs from ours.</summary>
    public string? LocalTrustDomain { get; init; }

    /// <summary>Peer names by the trust domain their services' certificates carry (from peered upstream clusters).</summary>
    public IReadOnlyDictionary<string, string> PeersByTrustDomain { get; init; } = new Dictionary<string, string>();
}
