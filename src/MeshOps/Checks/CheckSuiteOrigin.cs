namespace MeshOps.Checks;

/// <summary>
/// Where a suite's checks read by default: the manifests it was generated from, or (no paths) the cluster.
/// </summary>
/// <param name="Paths">The manifests as the user gave them: a relative path is written relative to the suite's own folder, so the suite runs from any working directory.</param>
/// <param name="GeneratedFrom">One line for the suite's header: the paths, or which cluster was read.</param>
/// <param name="Context">Live: the kubeconfig context the suite reads by default.</param>
/// <param name="Kubeconfig">Live: the kubeconfig file the suite reads by default.</param>
/// <param name="Namespace">Live: the namespace the suite reads by default.</param>
public sealed record CheckSuiteOrigin(IReadOnlyList<string> Paths, string GeneratedFrom, string? Context = null, string? Kubeconfig = null, string? Namespace = null)
{
    public bool Live => Paths.Count == 0;
}
