namespace MeshOps.Authoring;

/// <summary>
/// Settings of the ServiceAccount the mesh writes for a service. It is always named after the service, because
/// consul-k8s ACL login requires that (MESH403).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ServiceAccountAttribute : Attribute
{
    /// <summary>
    /// <c>automountServiceAccountToken</c>. A mesh workload needs the token (connect-init logs in with it), so false is
    /// reported as MESH402.
    /// </summary>
    public bool AutomountToken { get; set; } = true;
}
