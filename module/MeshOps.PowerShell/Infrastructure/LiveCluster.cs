using System.Collections.Concurrent;
using MeshOps.Clients.Kubernetes;

namespace MeshOps.PowerShell.Infrastructure;

/// <summary>
/// Opening the current cluster as kubectl does (-Kubeconfig, -Context, -Namespace), for the cmdlets that read it
/// when no manifests are given (Test-MeshConfig, Test-MeshPath), and how its failures are named: one error ID for a
/// kubeconfig that cannot be used, one for credentials refused, one for a server that cannot be reached.
/// </summary>
internal static class LiveCluster
{
    /// <summary>Opens the connection; each retry the client makes is queued as a line for -Verbose.</summary>
    /// <exception cref="KubernetesConfigurationException">The kubeconfig cannot be read or names no usable context.</exception>
    public static KubernetesConnection Connect(string? kubeconfigPath, string? context, string? @namespace, ConcurrentQueue<string> retries) =>
        KubernetesConnection.Create(new KubernetesConnectionOptions
        {
            Kubeconfig = kubeconfigPath,
            Context = context,
            Namespace = @namespace,
            OnRetry = notice => retries.Enqueue(
                $"{notice.Endpoint}: attempt {notice.FailedAttempt} failed ({notice.Reason}); retrying in {notice.Delay.TotalSeconds:0.##} s."),
        });

    /// <summary>The -Verbose line that says what is read, and whether TLS is checked.</summary>
    public static string Describe(KubernetesConnection connection, string what) =>
        $"Reading {what} of {connection.Describe()}{(connection.SkipTlsVerify ? "; TLS verification is off (insecure-skip-tls-verify)" : string.Empty)}.";

    /// <summary>The error ID and target for a failure to open or read the cluster; false for any other exception.</summary>
    public static bool TryName(Exception exception, string? kubeconfigPath, out string target, out string errorId)
    {
        (target, errorId) = exception switch
        {
            KubernetesConfigurationException => (kubeconfigPath ?? "<kubeconfig>", ErrorIds.KubeconfigInvalid),
            KubernetesRequestException { StatusCode: 401 } => ("<cluster>", ErrorIds.ClusterUnauthorized),
            KubernetesRequestException => ("<cluster>", ErrorIds.ClusterUnreachable),
            _ => ("", ""),
        };
        return errorId.Length > 0;
    }
}
