namespace MeshOps.Sources.Live;

/// <summary>Which consul.hashicorp.com resources <see cref="LiveConsulConfig"/> reads, as kubectl get's kind, -n and -A.</summary>
public sealed record LiveConsulConfigOptions
{
    /// <summary>The kinds to read (<see cref="LiveConsulConfig.Kinds"/>); empty means all of them.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>The namespaces to read; empty means the connection's (the context's, else default).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>Every namespace, each kind listed once cluster-wide (kubectl -A).</summary>
    public bool AllNamespaces { get; init; }
}
