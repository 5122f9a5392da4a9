namespace MeshOps.Clients.Kubernetes;

/// <summary>What the user chose, as kubectl's flags: --kubeconfig, --context, --namespace. Null means "as kubectl would decide".</summary>
public sealed record KubernetesConnectionOptions
{
    public static readonly KubernetesConnectionOptions Default = new();

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public string? Namespace { get; init; }
}
