namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Puts the shared <see cref="ResilientHttp"/> pipeline inside KubernetesClient's handler chain. KubernetesClient sets
/// the InnerHandler of each handler it is given (to its TLS-configured HttpClientHandler), which would cut a prebuilt
/// chain short, so this one handler holds the pipeline and ends it in whatever inner handler KubernetesClient set.
/// </summary>
internal sealed class KubernetesResilience : DelegatingHandler
{
    private readonly HttpMessageInvoker _pipeline;

    public KubernetesResilience(ResilientHttpOptions options)
    {
        _pipeline = new HttpMessageInvoker(ResilientHttp.CreateHandler(new Terminal(this), options), disposeHandler: true);
    }

    public static ResilientHttpOptions OptionsFor(string context, string server, ClientTimeouts timeouts, Action<RetryNotice>? onRetry) => new()
    {
        ServiceName = $"the Kubernetes API server of context '{context}'",
        Timeouts = timeouts,
        ConnectionAdvice = "Check that the cluster is running and that the server address of this context in the kubeconfig is right (kubectl config view --minify).",
        TlsAdvice = $"Check the certificate-authority of the cluster {server} in the kubeconfig.",
        OnRetry = onRetry,
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<HttpResponseMessage> SendInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>The end of the pipeline: KubernetesClient's own handler, reached through the owner's InnerHandler.</summary>
    private sealed class Terminal(KubernetesResilience owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            owner.SendInnerAsync(request, cancellationToken);

        // The owner's inner handler belongs to KubernetesClient, which disposes it.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
