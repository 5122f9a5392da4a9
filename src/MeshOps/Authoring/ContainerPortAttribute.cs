namespace MeshOps.Authoring;

/// <summary>A port the service's container listens on (<c>containers[].ports[].containerPort</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ContainerPortAttribute(int port) : Attribute
{
    /// <summary>The port number, 1-65535.</summary>
    public int Port { get; } = port;

    /// <summary>The port's name, which a <see cref="ServicePortAttribute.TargetPortName"/> can refer to.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The address the app binds, when it is configurable: written to the container as <c>BIND_ADDRESS_&lt;port&gt;</c>
    /// (<c>host:port</c>). A loopback address is reported as MESH103 when a Service targets the port.
    /// </summary>
    public string? BindAddress { get; set; }
}
