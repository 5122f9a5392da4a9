namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// Which kubeconfig files kubectl would read (client-go clientcmd's loading rules): an explicit path alone; else every
/// file KUBECONFIG lists (':'-separated, ';' on Windows), missing ones skipped, merged first-wins; else ~/.kube/config.
/// An empty list means no kubeconfig, where client-go tries the pod's service account.
/// </summary>
public static class KubeconfigFiles
{
    public const string EnvironmentVariable = "KUBECONFIG";

    /// <param name="explicitPath">-Kubeconfig; kubectl fails when it names a file that does not exist, and so does this.</param>
    /// <param name="environment">Reads an environment variable (Environment.GetEnvironmentVariable in the product).</param>
    /// <param name="home">The user's home folder, where .kube/config lives.</param>
    public static IReadOnlyList<string> Resolve(string? explicitPath, Func<string, string?> environment, string? home)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            return File.Exists(full)
                ? [full]
                : throw new KubernetesConfigurationException($"The kubeconfig '{explicitPath}' given with -Kubeconfig does not exist.");
        }

        if (environment(EnvironmentVariable) is { Length: > 0 } list)
        {
            // client-go skips entries that are empty or name no file, and reads each file once.
            return [.. list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Path.GetFullPath)
                .Where(File.Exists)
                .Distinct(StringComparer.Ordinal)];
        }

        var homeConfig = string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".kube", "config");
        return homeConfig is not null && File.Exists(homeConfig) ? [homeConfig] : [];
    }
}
