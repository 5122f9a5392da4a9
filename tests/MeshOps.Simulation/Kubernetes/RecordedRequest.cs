namespace MeshOps.Simulation.Kubernetes;

/// <summary>One request the server received, for tests that count what an analysis asked for.</summary>
/// <param name="Query">The raw query string without its leading '?', empty when there was none.</param>
public sealed record RecordedRequest(string Method, string Path, string Query);
