using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class EnvVarScannerTests
{
    private static DiscoveredEndpoint SingleEndpoint(string value, string name = "UPSTREAM") =>
        Assert.Single(EnvVarScanner.Scan(name, value).Endpoints);

    [Theory]
    [InlineData("http://products-api:9090", "products-api", 9090, "http")]
    [InlineData("https://payments.shop:1800/x", "payments.shop", 1800, "https")]
    [InlineData("https://payments.shop/x", "payments.shop", 443, "https")]
    [InlineData("http://frontend", "frontend", 80, "http")]
    [InlineData("grpc://inventory:50051", "inventory", 50051, "grpc")]
    [InlineData("dns:///jaeger-collector-headless.default:14250", "jaeger-collector-headless.default", 14250, "dns")]
    [InlineData("http://[::1]:9090/", "::1", 9090, "http")]
    public void Urls_give_host_port_and_scheme(string value, string host, int port, string scheme)
    {
        var endpoint = SingleEndpoint(value);

        Assert.Equal((host, port, scheme, EndpointOrigin.EnvUrl), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Origin));
    }

    [Fact]
    public void Plain_grpc_url_without_port_has_no_port()
    {
        Assert.Null(SingleEndpoint("grpc://inventory").Port);
    }

    [Theory]
    [InlineData("payments.shop:1800", "payments.shop", 1800)]
    [InlineData("products-api.default.svc.cluster.local:9090", "products-api.default.svc.cluster.local", 9090)]
    [InlineData("10.0.0.12:6379", "10.0.0.12", 6379)]
    public void Bare_host_port_is_an_endpoint(string value, string host, int port)
    {
        var endpoint = SingleEndpoint(value);

        Assert.Equal((host, port, EndpointOrigin.EnvHostPort), (endpoint.Host, endpoint.Port, endpoint.Origin));
    }

    [Fact]
    public void Comma_separated_brokers_give_one_endpoint_each()
    {
        var endpoints = EnvVarScanner.Scan("KAFKA_BROKERS", "kafka-0.kafka:9092, kafka-1.kafka:9092").Endpoints;

        Assert.Equal(["kafka-0.kafka", "kafka-1.kafka"], endpoints.Select(e => e.Host));
    }

    [Theory]
    [InlineData("/config/conf.json")]
    [InlineData("/")]
    [InlineData("products")]
    [InlineData("9090")]
    [InlineData("true")]
    [InlineData("12:30")]
    [InlineData("")]
    [InlineData("file:///etc/app/config.yaml")]
    [InlineData("unix:///var/run/app.sock")]
    public void Values_that_are_not_endpoints_give_nothing(string value)
    {
        Assert.Same(DiscoveryResult.Empty, EnvVarScanner.Scan("SETTING", value));
    }

    [Fact]
    public void Database_url_is_a_connection_string_with_password_redacted()
    {
        var endpoint = SingleEndpoint("postgres://user:pass@postgres:5432/db", "DATABASE_URL");

        Assert.Equal(("postgres", 5432, EndpointOrigin.ConnectionString), (endpoint.Host, endpoint.Port, endpoint.Origin));
        Assert.Equal("postgres://user:***@postgres:5432/db", endpoint.Excerpt);
        Assert.Equal("DATABASE_URL", endpoint.Key);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public void Loopback_hosts_are_flagged(string host)
    {
        var endpoint = SingleEndpoint("http://" + host + ":9090");

        Assert.True(endpoint.IsLoopback);
        Assert.Null(endpoint.Service);
    }

    [Theory]
    [InlineData(":8080", null, 8080)]
    [InlineData("0.0.0.0:9090", null, 9090)]
    [InlineData("127.0.0.1:9090", "127.0.0.1", 9090)]
    [InlineData("localhost:9090", "localhost", 9090)]
    [InlineData("[::1]:9090", "::1", 9090)]
    [InlineData("[::]:9090", null, 9090)]
    [InlineData("8080", null, 8080)]
    [InlineData("http://0.0.0.0:8080", null, 8080)]
    public void Bind_variables_give_binds_not_endpoints(string value, string? host, int port)
    {
        var result = EnvVarScanner.Scan("LISTEN_ADDR", value);

        Assert.Empty(result.Endpoints);
        var bind = Assert.Single(result.Binds);
        Assert.Equal((host, port), (bind.Host, bind.Port));
    }

    [Fact]
    public void Loopback_bind_is_reported_as_loopback()
    {
        Assert.True(Assert.Single(EnvVarScanner.Scan("BIND_ADDRESS", "127.0.0.1:9090").Binds).IsLoopback);
        Assert.False(Assert.Single(EnvVarScanner.Scan("BIND_ADDRESS", ":9090").Binds).IsLoopback);
    }

    [Fact]
    public void Hostless_port_is_a_bind_whatever_the_name()
    {
        var result = EnvVarScanner.Scan("METRICS_ADDRESS", ":9103");

        Assert.Equal((null, 9103), (Assert.Single(result.Binds).Host, result.Binds[0].Port));
        Assert.Empty(result.Endpoints);
    }
}
