namespace MeshOps.Envoy.Config;

/// <summary>An SDS secret's name and state, never its content (Consul's leaf <c>default</c> and <c>ROOTCA</c>).</summary>
public sealed record EnvoySecretConfig
{
    public required EnvoySource Source { get; init; }

    public string? Pod => Source.Pod;

    /// <summary>The pod's namespace (= Source.Namespace), so piping to another Envoy cmdlet binds -Pod and -Namespace together.</summary>
    public string? Namespace => Source.Namespace;

    public required string Name { get; init; }

    public EnvoyConfigState State { get; init; }

    /// <summary><c>TlsCertificate</c>, <c>ValidationContext</c>, <c>SessionTicketKeys</c>, <c>GenericSecret</c> or null.</summary>
    public string? Kind { get; init; }

    public DateTimeOffset? LastUpdated { get; init; }

    public override string ToString() => Name;
}
