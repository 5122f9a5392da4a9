using k8s;

namespace MeshOps.Clients.Kubernetes;

/// <summary>
/// The names a user types for a cluster: its services (in the connection's namespace) and its namespaces. Here, not
/// in the PowerShell module, so that only the SDK touches KubernetesClient's types: a module that calls them itself is
/// bound to whatever KubernetesClient another module loaded first.
/// </summary>
public static class ClusterNames
{
    public static async Task<IReadOnlyList<string>> ServicesAsync(KubernetesConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var services = await connection.Client.CoreV1.ListNamespacedServiceAsync(connection.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. services.Items.Select(s => s.Metadata.Name)];
    }

    public static async Task<IReadOnlyList<string>> NamespacesAsync(KubernetesConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var namespaces = await connection.Client.CoreV1.ListNamespaceAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return [.. namespaces.Items.Select(n => n.Metadata.Name)];
    }
}
