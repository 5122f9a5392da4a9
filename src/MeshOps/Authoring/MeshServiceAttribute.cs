using MeshOps.Consul;

namespace MeshOps.Authoring;

/// <summary>
/// Declares a Consul mesh service on a <c>partial</c> class nested in a <see cref="MeshDefinition{TMesh}"/>. The
/// generator completes the class into a service handle (<see cref="IMeshService{TMesh}"/>); the mesh writes a Service,
/// a ServiceAccount, a connect-injected Deployment and a ServiceDefaults for it.
/// </summary>
/// <example><code>
/// [MeshService("products-api", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/product-api:v0.0.21")]
/// [ContainerPort(9090)]
/// [ServicePort(9090, Name = "http")]
/// [Upstream(typeof(Postgres))]
/// public partial class ProductsApi;
/// </code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class MeshServiceAttribute(string name) : Attribute
{
    /// <summary>The Consul service name, also the name of its Service, ServiceAccount and Deployment (a DNS-1035 label: lowercase letters, digits and '-', starting with a letter).</summary>
    public string Name { get; } = name;

    /// <summary>The protocol written to its ServiceDefaults. Consul's own default is tcp.</summary>
    public MeshProtocol Protocol { get; set; } = MeshProtocol.Tcp;

    /// <summary>The container image of the workload.</summary>
    public string? Image { get; set; }

    /// <summary>The number of pods the Deployment asks for.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>
    /// The Kubernetes namespace of its objects; null means the mesh's (<see cref="ConsulMeshAttribute.Namespace"/>).
    /// Consul CE registers every namespace's services in Consul namespace <c>default</c>; on Enterprise with
    /// <c>mirroringK8S</c> this is also its Consul namespace.
    /// </summary>
    public string? Namespace { get; set; }
}
