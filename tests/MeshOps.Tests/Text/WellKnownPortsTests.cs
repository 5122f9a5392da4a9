using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

public class WellKnownPortsTests
{
    [Theory]
    [InlineData("postgres", null, null, "postgres")]
    [InlineData("postgresql", null, null, "postgres")]
    [InlineData(null, 6379, null, "redis")]
    [InlineData(null, null, "postgres:15", "postgres")]
    [InlineData(null, 8080, "hashicorpdemoapp/product-api-db:v0.0.21", "postgres")]
    [InlineData(null, null, "docker.io/bitnami/rabbitmq@sha256:abc", "amqp")]
    [InlineData(null, 9300, null, "elasticsearch-transport")]
    [InlineData("mongodb+srv", null, null, "mongodb")]
    public void Tcp_protocol_is_recognised_from_scheme_image_or_port(string? scheme, int? port, string? image, string expected)
    {
        Assert.Equal(expected, WellKnownPorts.Identify(scheme, port, image)?.Name);
    }

    [Theory]
    [InlineData("http", 5432, null)]
    [InlineData("grpc", 9092, null)]
    [InlineData(null, 9090, "hashicorpdemoapp/product-api:v0.0.21")]
    [InlineData(null, 8080, "nginx:alpine")]
    public void Http_family_or_unknown_evidence_is_not_tcp(string? scheme, int? port, string? image)
    {
        Assert.Null(WellKnownPorts.Identify(scheme, port, image));
    }
}
