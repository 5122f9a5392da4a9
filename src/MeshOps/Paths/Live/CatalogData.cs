using MeshOps.Clients.Consul;
using MeshOps.Rules.Intentions;

namespace MeshOps.Paths.Live;

/// <summary>
/// What Consul said about one path: the destination's mesh instances (<c>/v1/health/connect/:service</c>) and whether
/// Consul lets the source connect (<c>/v1/connect/intentions/check</c>), next to our own evaluation of the same pair.
/// A part that could not be read is null, and <see cref="Problem"/> says why.
/// </summary>
internal sealed record CatalogData(
    string Source,
    string Destination,
    IReadOnlyList<ConsulServiceHealth>? Instances,
    bool? ConsulAllows,
    IntentionDecision? Ours,
    string? Problem,
    string? Via)
{
    /// <summary>Consul answered 403 to one of the path's reads: the token may not see all of what it asked.</summary>
    public bool TokenRefused { get; init; }

    /// <summary>The Consul namespace the source was placed in; null without Enterprise namespaces.</summary>
    public string? SourceNamespace { get; init; }

    /// <summary>The Consul namespace the destination was asked in; null without Enterprise namespaces.</summary>
    public string? DestinationNamespace { get; init; }

    /// <summary>The query that asks for the destination's namespace ("?ns=backend"), empty on CE.</summary>
    public string NamespaceQuery => DestinationNamespace is { } ns ? "?ns=" + ns : "";
}
