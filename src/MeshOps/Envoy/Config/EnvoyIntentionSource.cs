namespace MeshOps.Envoy.Config;

/// <summary>
/// The source of an intention, read back from the SPIFFE pattern Consul writes for it
/// (<c>^spiffe://[^/]+/ns/default/dc/[^/]+/svc/web$</c>; <c>/ap/&lt;partition&gt;</c> outside the default partition).
/// A wildcard (<c>[^/]+</c>) reads <c>*</c>. A peered source carries the peer's trust domain instead of any host.
/// </summary>
public sealed record EnvoyIntentionSource
{
    public required string Service { get; init; }

    public required string Namespace { get; init; }

    public string Partition { get; init; } = "default";

    /// <summary>The cluster peer the source is imported from, when the trust domain names a known peer.</summary>
    public string? Peer { get; init; }

    /// <summary>The trust domain the pattern requires; null when any (Consul's <c>[^/]+</c>).</summary>
    public string? TrustDomain { get; init; }

    /// <summary>True when the pattern names a trust domain other than this sidecar's: a peered (imported) source.</summary>
    public bool IsPeered { get; init; }

    /// <summary>The pattern as Envoy has it.</summary>
    public string? Pattern { get; init; }

    /// <summary>As Consul writes a source: <c>ns/svc</c>, <c>partition/ns/svc</c>, with <c>peer:</c> when peered.</summary>
    public override string ToString()
    {
        var name = Partition == "default" ? $"{Namespace}/{Service}" : $"{Partition}/{Namespace}/{Service}";
        return IsPeered ? $"peer:{Peer ?? TrustDomain}/{name}" : name;
    }
}
