namespace MeshOps.Authoring;

/// <summary>
/// A Kubernetes Service that maps <see cref="Port"/> to <see cref="TargetPort"/> on the pods <see cref="Selector"/>
/// picks (what <c>New-MeshServicePort</c> binds). <see cref="TargetPort"/> is a number or the name of a container port.
/// Nothing is checked until <see cref="KubernetesObjectComposer"/> composes it.
/// </summary>
public sealed record ServicePortRequest(string Name, int Port, string TargetPort, IReadOnlyDictionary<string, string> Selector)
{
    public string? Namespace { get; init; }

    /// <summary>TCP, UDP or SCTP; TCP when not given, as Kubernetes defaults it.</summary>
    public string Protocol { get; init; } = "TCP";

    /// <summary>The port's own name (<c>spec.ports[0].name</c>), which Kubernetes requires once a Service has two ports.</summary>
    public string? PortName { get; init; }
}
