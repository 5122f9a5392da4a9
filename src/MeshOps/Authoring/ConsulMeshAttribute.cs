namespace MeshOps.Authoring;

/// <summary>
/// Where a <see cref="MeshDefinition{TMesh}"/> is deployed: the Kubernetes namespace of its objects (a service may name
/// its own with <see cref="MeshServiceAttribute.Namespace"/>) and the Consul edition, which decides whether Kubernetes
/// namespaces are Consul namespaces too.
/// </summary>
/// <example><code>
/// [ConsulMesh(Namespace = "shop", Edition = ConsulEdition.Enterprise)]
/// public partial class ShopMesh : MeshDefinition&lt;ShopMesh&gt; { ... }
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ConsulMeshAttribute : Attribute
{
    /// <summary>The Kubernetes namespace of every service that names none; null writes none (kubectl's current namespace).</summary>
    public string? Namespace { get; set; }

    /// <summary>The Consul edition the mesh runs on; Community unless set.</summary>
    public ConsulEdition Edition { get; set; } = ConsulEdition.Community;
}

/// <summary>The Consul edition a typed mesh is written for.</summary>
public enum ConsulEdition
{
    /// <summary>
    /// Consul CE: one Consul namespace, <c>default</c>. consul-k8s registers the services of every Kubernetes namespace
    /// in it, so the mesh writes no Consul namespace and a service name is unique across Kubernetes namespaces.
    /// </summary>
    Community,

    /// <summary>
    /// Consul Enterprise with namespaces mirrored from Kubernetes (Helm <c>connectInject.consulNamespaces.mirroringK8S</c>):
    /// a service's Consul namespace is its Kubernetes namespace, and intentions name both sides' namespaces.
    /// </summary>
    Enterprise,
}
