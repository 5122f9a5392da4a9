namespace MeshOps.Paths;

/// <summary>
/// A service as a user writes it for a trace: <c>name</c>, <c>name.namespace</c>, or the DNS name callers dial and
/// Envoy's errors quote (<c>name.namespace.svc</c>, <c>name.namespace.svc.cluster.local</c>).
/// </summary>
public static class ServiceAddress
{
    /// <summary>The name and the namespace written (null when none was); the <c>.svc</c> suffix and cluster domain are not part of either.</summary>
    public static (string Name, string? Namespace) Split(string written)
    {
        ArgumentNullException.ThrowIfNull(written);
        written = written.Trim().TrimEnd('.');
        // Kubernetes Service names are DNS-1035 labels and hold no dot, so the first dot separates the namespace.
        var dot = written.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (written, null);
        }

        var ns = written[(dot + 1)..];
        // Namespaces are DNS-1123 labels too: what follows the namespace's label is the cluster's DNS (svc.<domain>).
        var next = ns.IndexOf('.', StringComparison.Ordinal);
        return (written[..dot], next < 0 ? ns : ns[..next]);
    }
}
