namespace MeshOps.Clients.Kubernetes;

/// <summary>How the shared <see cref="ResilientHttp"/> pipeline names the API server and advises on its failures.</summary>
internal static class KubernetesResilience
{
    public static ResilientHttpOptions OptionsFor(string context, ClientTimeouts timeouts, Action<RetryNotice>? onRetry) => new()
    {
        ServiceName = $"the Kubernetes API server of context '{context}'",
        Timeouts = timeouts,
        ConnectionAdvice = "Check that the cluster is running and that the server address of this context in the kubeconfig is right (kubectl config view --minify).",
        TlsAdvice = "Check the certificate-authority of this cluster in the kubeconfig (kubectl config view --minify).",
        OnRetry = onRetry,
    };
}
