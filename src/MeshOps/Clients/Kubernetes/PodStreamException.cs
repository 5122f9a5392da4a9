namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// A port-forward or exec through the Kubernetes API failed. The message names the pod (and its port or container)
/// and what the API server or kubelet said; it never carries a credential.
/// </summary>
public sealed class PodStreamException : IOException
{
    public PodStreamException(string message)
        : base(message)
    {
    }

    public PodStreamException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public PodStreamException()
    {
    }
}
