using MeshOps.Discovery;
using MeshOps.Sources;

namespace MeshOps.Model;

/// <summary>Where a piece of configuration text was found: the object, the exact location and a readable description.</summary>
public sealed record ConfigSite(ManifestResource WrittenIn, SourceLocation Location, string WrittenAt, CallOrigin Origin);

/// <summary>An endpoint a workload's configuration names, with where it is written.</summary>
public sealed record LocatedEndpoint(DiscoveredEndpoint Endpoint, ConfigSite Site);

/// <summary>An address a workload's configuration binds to, with where it is written.</summary>
public sealed record LocatedBind(BindAddress Bind, ConfigSite Site);
