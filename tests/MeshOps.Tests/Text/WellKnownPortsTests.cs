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
    [InlineData(null, null, "bitnami/postgresql-ha:16", "postgres")]
    [InlineData(null, null, "redis/redis-stack-server:7.2.0-v10", "redis")]
    [InlineData(null, null, "mysql/mysql-server:8.0", "mysql")]
    [InlineData(null, null, "REDIS:7", "redis")]
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
    [InlineData(null, null, "quay.io/prometheuscommunity/postgres-exporter:v0.15.0")]
    [InlineData(null, null, "mongo-express:1.0.2")]
    [InlineData(null, null, "provectuslabs/kafka-ui:latest")]
    [InlineData(null, null, "rediscommander/redis-commander:latest")]
    [InlineData(null, null, "danielqsj/kafka-exporter:v1.7.0")]
    [InlineData(null, null, "example/kafka-connect:3.6")]
    [InlineData(null, null, "postgresqlx:1")]
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
