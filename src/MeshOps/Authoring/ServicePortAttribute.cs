namespace MeshOps.Authoring;

/// <summary>
/// A port of the service's Kubernetes Service and the container port it forwards to. Without a target the Service
/// forwards to the same port number.
/// </summary>
/// <example><c>[ServicePort(1800, TargetPort = 8080)]</c> or <c>[ServicePort(9090, TargetPortName = "http")]</c></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ServicePortAttribute(int port) : Attribute
{
    /// <summary>The port callers dial on the Service, 1-65535.</summary>
    public int Port { get; } = port;

    /// <summary>The container port traffic goes to; 0 (unset) means <see cref="Port"/>.</summary>
    public int TargetPort { get; set; }

    /// <summary>The name of the container port traffic goes to; wins over <see cref="TargetPort"/>.</summary>
    public string? TargetPortName { get; set; }

    /// <summary>The Service port's name (required by Kubernetes when the Service has more than one port).</summary>
    public string? Name { get; set; }
}
