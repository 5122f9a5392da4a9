namespace MeshOps.Paths.Live;

/// <summary>
/// Everything the <c>Envoy</c> hop judges, as the live gatherer fetched it: the source pod's sidecar (its upstream
/// clusters, two stats samples, certificates, log), the destination's Consul service name, and one destination pod's
/// sidecar (stats, certificates, log) or why there is none to read. <see cref="Now"/> is the time certificates are judged at.
/// </summary>
internal sealed record EnvoyPathData(EnvoySidecarData Source, string DestinationService, EnvoyReading<EnvoySidecarData> Destination, DateTimeOffset Now)
{
    /// <summary>The source's Consul service name, when known; fixes name it (an intention from it).</summary>
    public string? SourceService { get; init; }

    /// <summary>The destination's Consul namespace, when known; upstream clusters of any namespace match without it.</summary>
    public string? DestinationConsulNamespace { get; init; }
}
