namespace MeshOps.Clients.Kubernetes;

/// <summary>What the user chose, as kubectl's flags: --kubeconfig, --context, --namespace. Null means "as kubectl would decide".</summary>
public sealed record KubernetesConnectionOptions
{
    public static readonly KubernetesConnectionOptions Default = new();

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public string? Namespace { get; init; }

    /// <summary>Per-attempt and total timeouts, and retries on 429, 5xx and connection failures (never other 4xx).</summary>
    public ClientTimeouts Timeouts { get; init; } = ClientTimeouts.Default;

    /// <summary>Told of each retry (for -Verbose); never given a header or a body.</summary>
    public Action<RetryNotice>? OnRetry { get; init; }
}
