namespace MeshOps.Discovery;

/// <summary>What one piece of configuration says about outbound calls and listening sockets.</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredEndpoint> Endpoints, IReadOnlyList<BindAddress> Binds)
{
    public static DiscoveryResult Empty { get; } = new([], []);
}
