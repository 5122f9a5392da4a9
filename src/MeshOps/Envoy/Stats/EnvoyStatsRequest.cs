namespace MeshOps.Envoy.Stats;

/// <summary>One GET a live read makes, and how to read its answer: <see cref="NumberType"/> is what its numbers are.</summary>
public sealed record EnvoyStatsRequest(string PathAndQuery, EnvoyStatsFormat Format, EnvoyStatisticType NumberType);
