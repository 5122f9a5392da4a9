namespace MeshOps.Envoy.Config;

/// <summary>A virtual host: the <c>Host</c> names (<see cref="Domains"/>) it answers and its routes in order.</summary>
public sealed record EnvoyVirtualHost
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Domains { get; init; } = [];

    public IReadOnlyList<EnvoyRoute> Routes { get; init; } = [];

    public override string ToString() => Name;
}
