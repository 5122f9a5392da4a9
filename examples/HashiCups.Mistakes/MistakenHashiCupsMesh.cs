using MeshOps.Authoring;
using MeshOps.Consul;

namespace HashiCups.Mistakes;

/// <summary>HashiCups with three seeded mistakes; each is a compile error that names the rule Test-MeshConfig uses.</summary>
public partial class MistakenHashiCupsMesh : MeshDefinition<MistakenHashiCupsMesh>
{
    [MeshService("public-api", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/public-api:v0.0.6")]
    [ContainerPort(8080)]
    [ServicePort(8080, Name = "http")]
    [Upstream(typeof(ProductsApi))]
    [Upstream(typeof(Payments))]
    public partial class PublicApi;

    [MeshService("products-api", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/product-api:v0.0.21")]
    [ContainerPort(9090)]
    [ServicePort(9090, Name = "http")]
    [Upstream(typeof(Postgres))]
    public partial class ProductsApi;

    // Mistake 1 (MESH101): the Service targets the container port named "payments-http", but the container port has no
    // name: the Service has no endpoints, so consul-k8s registers no instance of payments.
    [MeshService("payments", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/payments:v0.0.16")]
    [ContainerPort(8080)]
    [ServicePort(1800, TargetPortName = "payments-http", Name = "http")]
    public partial class Payments;

    // Mistake 2 (MESH301): postgres speaks its own protocol, not HTTP.
    [MeshService("postgres", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/product-api-db:v0.0.21")]
    [ContainerPort(5432)]
    [ServicePort(5432, Name = "postgres")]
    public partial class Postgres;

    // Mistake 3 (MESH201): products-api calls postgres, but under DenyAll nothing allows it.
    /// <inheritdoc/>
    protected override void Configure(IntentionBuilder<MistakenHashiCupsMesh> intentions) => intentions
        .DenyAll()
        .Allow<PublicApi, ProductsApi>()
        .Allow<PublicApi, Payments>();
}
