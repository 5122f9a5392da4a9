using MeshOps.Authoring;
using MeshOps.Consul;

namespace HashiCups;

/// <summary>
/// HashiCups on Consul (hashicorp-demoapp/hashicups-setups, local-k8s-consul-deployment): nginx in front, the Next.js
/// frontend, the GraphQL public-api, products-api with its postgres, and payments. Zero trust: deny everything, then
/// allow exactly the calls the upstreams declare. Equal to examples/hashicups/healthy.
/// </summary>
public partial class HashiCupsMesh : MeshDefinition<HashiCupsMesh>
{
    [MeshService("nginx", Protocol = MeshProtocol.Http, Image = "nginx:alpine")]
    [ContainerPort(80)]
    [ServicePort(80, Name = "http")]
    [Upstream(typeof(Frontend))]
    [Upstream(typeof(PublicApi))]
    public partial class Nginx;

    [MeshService("frontend", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/frontend:v1.0.3")]
    [ContainerPort(3000)]
    [ServicePort(3000, Name = "http")]
    public partial class Frontend;

    [MeshService("public-api", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/public-api:v0.0.6")]
    [ContainerPort(8080)]
    [ServicePort(8080, Name = "http")]
    [Upstream(typeof(ProductsApi))]
    [Upstream(typeof(Payments))]
    public partial class PublicApi;

    [MeshService("products-api", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/product-api:v0.0.21")]
    [ContainerPort(9090)]
    [ContainerPort(9103, Name = "metrics")]
    [ServicePort(9090, Name = "http")]
    [Upstream(typeof(Postgres))]
    public partial class ProductsApi;

    // The Service listens on 1800 and forwards to the app on 8080.
    [MeshService("payments", Protocol = MeshProtocol.Http, Image = "hashicorpdemoapp/payments:v0.0.16")]
    [ContainerPort(8080)]
    [ServicePort(1800, TargetPort = 8080, Name = "http")]
    public partial class Payments;

    [MeshService("postgres", Protocol = MeshProtocol.Tcp, Image = "hashicorpdemoapp/product-api-db:v0.0.21")]
    [ContainerPort(5432)]
    [ServicePort(5432, Name = "postgres")]
    public partial class Postgres;

    /// <inheritdoc/>
    protected override void Configure(IntentionBuilder<HashiCupsMesh> intentions) => intentions
        .DenyAll()
        .Allow<Nginx, Frontend>()
        .Allow<Nginx, PublicApi>()
        .Allow<PublicApi, ProductsApi>()
        .Allow<PublicApi, Payments>()
        .Allow<ProductsApi, Postgres>();
}
