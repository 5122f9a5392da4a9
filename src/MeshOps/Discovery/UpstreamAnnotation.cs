namespace MeshOps.Discovery;

/// <summary>The parsed annotation: the upstreams consul-k8s would register, and the entries it would reject.</summary>
public sealed record UpstreamAnnotation(IReadOnlyList<ExplicitUpstream> Upstreams, IReadOnlyList<string> Errors);
