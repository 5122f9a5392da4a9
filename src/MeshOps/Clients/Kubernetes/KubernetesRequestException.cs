namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// A request to the API server failed; the message names the context and server and says what to do. It carries the
/// HTTP status, not KubernetesClient's exception, whose request object holds the Authorization header.
/// </summary>
public sealed class KubernetesRequestException : Exception
{
    public KubernetesRequestException(string message, int? statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    public KubernetesRequestException(string message, int? statusCode, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public KubernetesRequestException()
    {
    }

    public KubernetesRequestException(string message)
        : base(message)
    {
    }

    public KubernetesRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the server answered, or null when no answer came (refused, DNS, TLS, timeout).</summary>
    public int? StatusCode { get; }
}
