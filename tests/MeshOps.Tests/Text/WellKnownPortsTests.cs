using MeshOps.Rules.Text;

namespace MeshOps.Tests.Text;

public class WellKnownPortsTests
{
    [Theory]
    [InlineData("postgres", null, null, "postgres")]
    [InlineData("postgresql", null, null, "postgres")]
    [InlineData(null, 6379, null, "redis")]
    [InlineData(null, null, "postgres:15", "postgres")]
    [InlineData(null, null, "hashicorpdemoapp/product-api-db:v0.0.21", "postgres")]
    [InlineData(null, null, "docker.io/bitnami/rabbitmq@sha256:abc", "amqp")]
    [InlineData(null, 9300, null, "elasticsearch-transport")]
    [InlineData("mongodb+srv", null, null, "mongodb")]
    public void Tcp_protocol_is_recognised_from_scheme_image_or_port(string? scheme, int? port, string? image, string expected)
    {
        Assert.Equal(expected, Recognised(scheme, port, image)?.Name);
    }

    [Theory]
    [InlineData("http", null, null)]
    [InlineData("grpc", null, null)]
    [InlineData(null, 9090, null)]
    [InlineData(null, 8080, null)]
    [InlineData(null, null, "hashicorpdemoapp/product-api:v0.0.21")]
    [InlineData(null, null, "nginx:alpine")]
    public void Http_family_or_unknown_evidence_is_not_tcp(string? scheme, int? port, string? image)
    {
        Assert.Null(Recognised(scheme, port, image));
    }

    // Each case gives one piece of evidence, read by the lookup the checks use for it.
    private static TcpProtocol? Recognised(string? scheme, int? port, string? image) =>
        scheme is not null ? WellKnownPorts.ByScheme(scheme)
        : port is { } number ? WellKnownPorts.ByPort(number)
        : WellKnownPorts.ByImage(image);
}
