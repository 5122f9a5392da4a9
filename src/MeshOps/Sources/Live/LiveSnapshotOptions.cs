namespace MeshOps.Sources.Live;

/// <summary>Which part of the cluster a snapshot reads, as kubectl's -n and -A.</summary>
public sealed record LiveSnapshotOptions
{
    public static readonly LiveSnapshotOptions Default = new();

    /// <summary>The namespaces to read; empty means the connection's (the context's, else default).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Every namespace, each kind listed once cluster-wide (kubectl -A).</summary>
    public bool AllNamespaces { get; init; }

    /// <summary>How many list requests run at once: enough to hide latency, few enough not to be throttled by the API server.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;
}
