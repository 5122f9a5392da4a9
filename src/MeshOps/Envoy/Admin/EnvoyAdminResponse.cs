namespace MeshOps.Envoy.Admin;

/// <summary>A complete 2xx answer of an Envoy admin endpoint: the bytes as they arrived, for a parser to read.</summary>
public sealed record EnvoyAdminResponse(EnvoySource Source, string PathAndQuery, int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body);
