namespace MeshOps.Clients.Kubernetes;

/// <summary>No usable cluster connection could be built: no kubeconfig, an unknown context, a file that cannot be read.</summary>
public sealed class KubernetesConfigurationException : Exception
{
    public KubernetesConfigurationException(string message)
        : base(message)
    {
    }

    public KubernetesConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KubernetesConfigurationException()
    {
    }
}
