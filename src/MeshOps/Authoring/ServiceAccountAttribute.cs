namespace MeshOps.Authoring;

/// <summary>
/// Settings of the ServiceAccount the mesh writes for a service. It is always named after the service, because
/// consul-k8s ACL login requires that (MESH403).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ServiceAccountAttribute : Attribute
{
    /// <summary>
    /// <c>automountServiceAccountToken</c>. With Consul's ACLs on a mesh workload needs the token (its sidecar logs in
    /// with it, and the webhook refuses a pod without it), so false is reported as MESH402, a Warning here since the
    /// typed mesh does not say whether ACLs are on.
    /// </summary>
    public bool AutomountToken { get; set; } = true;
}
