using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Everything declared about one mesh service, as the generator read it from the attributes of its handle. The mesh
/// turns it into Kubernetes and Consul objects.
/// </summary>
public sealed record MeshServiceSpec
{
    /// <summary>The Consul service name.</summary>
    public required string Name { get; init; }

    /// <summary>The protocol of its ServiceDefaults.</summary>
    public MeshProtocol Protocol { get; init; } = MeshProtocol.Tcp;

    /// <summary>The container image, or null when none was declared.</summary>
    public string? Image { get; init; }

    /// <summary>The Deployment's replica count.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>The Kubernetes namespace declared for it, or null for the mesh's.</summary>
    public string? Namespace { get; init; }

    /// <summary>The ports the container listens on, in declaration order.</summary>
    public IReadOnlyList<ContainerPortSpec> ContainerPorts { get; init; } = [];

    /// <summary>The Service's ports, in declaration order.</summary>
    public IReadOnlyList<ServicePortSpec> ServicePorts { get; init; } = [];

    /// <summary>The services it calls, in declaration order.</summary>
    public IReadOnlyList<UpstreamSpec> Upstreams { get; init; } = [];

    /// <summary>The ServiceAccount's <c>automountServiceAccountToken</c>.</summary>
    public bool AutomountServiceAccountToken { get; init; } = true;
}

/// <summary>A container port, with its optional name and bind address.</summary>
public sealed record ContainerPortSpec(int Port, string? Name = null, string? BindAddress = null);

/// <summary>A Service port and its target: a container port number, or a container port name when TargetPortName is set.</summary>
public sealed record ServicePortSpec(int Port, int TargetPort, string? TargetPortName = null, string? Name = null);

/// <summary>A call to another service of the mesh on one of its Service ports.</summary>
public sealed record UpstreamSpec(string Service, int Port);
