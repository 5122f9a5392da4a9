namespace MeshOps.Authoring;

/// <summary>
/// A ServiceDefaults, Service or ServiceAccount that Consul or the Kubernetes API server would refuse, with the
/// message they give (the field path first, e.g. <c>spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive</c>).
/// </summary>
public sealed class InvalidMeshObjectException : ArgumentException
{
    public InvalidMeshObjectException(string message)
        : base(message)
    {
    }

    public InvalidMeshObjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
