namespace MeshOps.Discovery;

/// <summary>The Kubernetes Service a cluster DNS name points at; Namespace is null when the name relies on the caller's.</summary>
public sealed record ServiceHostName(string Service, string? Namespace);
