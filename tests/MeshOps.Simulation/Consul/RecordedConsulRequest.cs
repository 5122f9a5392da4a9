namespace MeshOps.Simulation.Consul;

/// <summary>A request the simulated Consul server received; whether a token came with it, never the token.</summary>
public sealed record RecordedConsulRequest(string Method, string Path, string Query, bool HadToken);
