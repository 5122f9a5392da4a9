namespace MeshOps.Discovery;

/// <summary>A host with an optional port, as written (IPv6 without brackets).</summary>
internal readonly record struct HostPort(string Host, int? Port);
