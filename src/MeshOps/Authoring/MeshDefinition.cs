using MeshOps.Consul;
using MeshOps.Sources;

namespace MeshOps.Authoring;

/// <summary>
/// A mesh described in C#. Derive a <c>partial</c> class from it, declare each service as a nested <c>partial</c>
/// class with <see cref="MeshServiceAttribute"/>, and declare the intentions in <see cref="Configure"/>. The generator
/// turns the nested classes into service handles; the compiler reports what would break in the cluster.
/// </summary>
/// <example><code>
/// public partial class HashiCupsMesh : MeshDefinition&lt;HashiCupsMesh&gt;
/// {
///     [MeshService("public-api", Protocol = MeshProtocol.Http)] [ContainerPort(8080)] [ServicePort(8080)]
///     [Upstream(typeof(ProductsApi))]
///     public partial class PublicApi;
///
///     [MeshService("products-api", Protocol = MeshProtocol.Http)] [ContainerPort(9090)] [ServicePort(9090)]
///     public partial class ProductsApi;
///
///     protected override void Configure(IntentionBuilder&lt;HashiCupsMesh&gt; intentions) =>
///         intentions.DenyAll().Allow&lt;PublicApi, ProductsApi&gt;();
/// }
///
/// File.WriteAllText("mesh.yaml", new HashiCupsMesh().ToYaml());
/// </code></example>
/// <typeparam name="TMesh">The deriving class itself.</typeparam>
public abstract class MeshDefinition<TMesh>
    where TMesh : MeshDefinition<TMesh>
{
    /// <summary>The services declared in the mesh, in declaration order (written by the generator).</summary>
    public IReadOnlyList<MeshServiceSpec> Services => DeclaredServices;

    /// <summary>The generator overrides this with the nested <see cref="MeshServiceAttribute"/> classes.</summary>
    protected virtual IReadOnlyList<MeshServiceSpec> DeclaredServices => [];

    /// <summary>Builds the Kubernetes and Consul objects of the mesh.</summary>
    public MeshResources Build()
    {
        var intentions = new IntentionBuilder<TMesh>();
        Configure(intentions);
        var layout = (ConsulMeshAttribute?)Attribute.GetCustomAttribute(typeof(TMesh), typeof(ConsulMeshAttribute), inherit: false);
        return MeshObjectFactory.Create(DeclaredServices, intentions.DeniesAll, intentions.Declared, layout?.Namespace, layout?.Edition ?? ConsulEdition.Community);
    }

    /// <summary>The mesh as multi-document YAML, ready for <c>kubectl apply -f</c> and <c>Test-MeshConfig</c>.</summary>
    public string ToYaml() => Build().ToYaml();

    /// <summary>The mesh's objects as manifests for <c>MeshAnalyzer.Analyze</c>, with no YAML in between; they are located by the mesh's class name.</summary>
    public ManifestSet ToManifestSet() => Build().ToManifestSet(typeof(TMesh).Name);

    /// <summary>Declares the mesh's intentions. The compiler evaluates them against every declared upstream.</summary>
    /// <param name="intentions">Collects the intentions; accepts only this mesh's service handles.</param>
    protected abstract void Configure(IntentionBuilder<TMesh> intentions);
}
