namespace MeshOps.Discovery;

/// <summary>What one piece of configuration says about outbound calls and listening sockets.</summary>
public sealed record DiscoveryResult(IReadOnlyList<DiscoveredEndpoint> Endpoints, IReadOnlyList<BindAddress> Binds)
{
    public static DiscoveryResult Empty { get; } = new([], []);

    /// <summary>
    /// The 0-based line of the scanned text each endpoint is written on, in the order of <see cref="Endpoints"/>, where
    /// the scanner read the text line by line; empty, or -1 for an endpoint, where it did not (a JSON document). An
    /// excerpt cannot say it: one rebuilt from its parts, masked, or written twice is not found, or found elsewhere.
    /// </summary>
    internal IReadOnlyList<int> EndpointLines { get; init; } = [];

    /// <summary>The same for <see cref="Binds"/>.</summary>
    internal IReadOnlyList<int> BindLines { get; init; } = [];

    internal int? LineOfEndpoint(int index) => LineAt(EndpointLines, index);

    internal int? LineOfBind(int index) => LineAt(BindLines, index);

    private static int? LineAt(IReadOnlyList<int> lines, int index) => index < lines.Count && lines[index] >= 0 ? lines[index] : null;
}
