using MeshOps.Discovery;

namespace MeshOps.Tests.Discovery;

public class ConfigValueScannerTests
{
    [Theory]
    [InlineData("host=postgres port=5433 user=u password=p dbname=d", "postgres", 5433)]
    [InlineData("host=postgres user=u dbname=d", "postgres", 5432)]
    [InlineData("Host=db.shop;Port=6432;Username=u;Password=p", "db.shop", 6432)]
    [InlineData("hostaddr=10.1.2.3 dbname=d", "10.1.2.3", 5432)]
    public void Libpq_style_strings_name_the_database(string text, string host, int port)
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan(text).Endpoints);

        Assert.Equal((host, port, "postgres", EndpointOrigin.ConnectionString), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Origin));
    }

    [Fact]
    public void Libpq_unix_socket_directory_is_not_an_endpoint()
    {
        Assert.Empty(ConfigValueScanner.Scan("host=/var/run/postgresql dbname=d").Endpoints);
    }

    [Theory]
    [InlineData("mysql://app:pw@mysql:3306/shop", "mysql", 3306, "mysql")]
    [InlineData("redis://redis:6379", "redis", 6379, "redis")]
    [InlineData("redis://cache", "cache", 6379, "redis")]
    [InlineData("amqp://guest:guest@rabbitmq", "rabbitmq", 5672, "amqp")]
    [InlineData("postgresql://orders-db/orders", "orders-db", 5432, "postgresql")]
    public void Database_urls_default_to_their_protocol_port(string text, string host, int port, string scheme)
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan(text).Endpoints);

        Assert.Equal((host, port, scheme, EndpointOrigin.ConnectionString), (endpoint.Host, endpoint.Port, endpoint.Scheme, endpoint.Origin));
    }

    [Fact]
    public void Mongodb_seed_list_gives_every_host()
    {
        var endpoints = ConfigValueScanner.Scan("uri: mongodb://u:secret@mongo-0.mongo:27017,mongo-1.mongo/app?replicaSet=rs0").Endpoints;

        Assert.Equal([("mongo-0.mongo", 27017), ("mongo-1.mongo", 27017)], endpoints.Select(e => (e.Host, e.Port!.Value)));
        Assert.All(endpoints, e => Assert.Contains("u:***@", e.Excerpt));
    }

    [Fact]
    public void Jdbc_url_is_recognised()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("spring.datasource.url=jdbc:postgresql://orders-db:5432/orders").Endpoints);

        Assert.Equal(("orders-db", 5432, EndpointOrigin.JdbcUrl), (endpoint.Host, endpoint.Port, endpoint.Origin));
        Assert.Equal("jdbc:postgresql://orders-db:5432/orders", endpoint.Excerpt);
        Assert.Equal("spring.datasource.url", endpoint.Key);
    }

    [Fact]
    public void Json_values_are_read_one_by_one_with_their_keys()
    {
        var result = ConfigValueScanner.Scan("""{"upstreams": {"catalog": "http://catalog:8080"}, "cache": ["redis:6379"], "bind_address": "127.0.0.1:9090"}""");

        Assert.Equal([("catalog", 8080, "catalog"), ("redis", 6379, "cache")], result.Endpoints.Select(e => (e.Host, e.Port!.Value, e.Key!)));
        Assert.All(result.Endpoints, e => Assert.Equal(EndpointOrigin.JsonValue, e.Origin));
        Assert.True(Assert.Single(result.Binds).IsLoopback);
    }

    [Fact]
    public void Json_host_and_port_properties_combine_into_one_endpoint()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("""{"database": {"host": "postgres", "port": 5432, "password": "hunter2"}}""").Endpoints);

        Assert.Equal(("postgres", 5432), (endpoint.Host, endpoint.Port));
    }

    [Fact]
    public void Broken_json_falls_back_to_text_scanning()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("{ \"api\": \"http://api:80\", ").Endpoints);

        Assert.Equal("api", endpoint.Host);
    }

    [Fact]
    public void Yaml_and_properties_lines_are_read_as_key_values()
    {
        var result = ConfigValueScanner.Scan("""
            # upstreams
            inventory: inventory.shop:7000
            export LISTEN=:8080
            greeting: hello world
            orders_url = "http://orders:9000/v1"
            """);

        Assert.Equal([("inventory.shop", 7000, EndpointOrigin.ConfigHostPort), ("orders", 9000, EndpointOrigin.ConfigUrl)], result.Endpoints.Select(e => (e.Host, e.Port!.Value, e.Origin)));
        Assert.Equal(8080, Assert.Single(result.Binds).Port);
    }

    [Fact]
    public void Text_without_separators_is_skipped_cheaply()
    {
        Assert.Same(DiscoveryResult.Empty, ConfigValueScanner.Scan("just some words"));
    }

    [Fact]
    public void Json_with_trailing_comma_is_still_read_as_json()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("{\"api\": \"http://api:80\",}").Endpoints);

        Assert.Equal(("api", 80, EndpointOrigin.JsonValue, "api"), (endpoint.Host, endpoint.Port, endpoint.Origin, endpoint.Key));
    }

    [Fact]
    public void Json_array_is_read_as_json()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("[\"http://api:80\"]").Endpoints);

        Assert.Equal(EndpointOrigin.JsonValue, endpoint.Origin);
    }

    [Fact]
    public void Json_scalar_text_is_read_as_a_plain_line()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("\"http://api:80\"").Endpoints);

        Assert.Equal(("api", EndpointOrigin.ConfigUrl), (endpoint.Host, endpoint.Origin));
    }

    [Theory]
    [InlineData("host")]
    [InlineData("hostname")]
    [InlineData("server")]
    [InlineData("address")]
    [InlineData("Hostname")]
    public void Json_host_keys_pair_with_a_port_key(string hostKey)
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan($$$"""{"db": {"{{{hostKey}}}": "postgres", "port": 5432}}""").Endpoints);

        Assert.Equal(("postgres", 5432, EndpointOrigin.JsonValue, hostKey), (endpoint.Host, endpoint.Port, endpoint.Origin, endpoint.Key));
        Assert.Equal($"\"{hostKey}\": \"postgres\", \"port\": 5432", endpoint.Excerpt);
    }

    [Fact]
    public void Json_port_may_come_first_and_be_a_string()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("""{"port": "6379", "name": "cache", "host": "redis"}""").Endpoints);

        Assert.Equal(("redis", 6379, "host"), (endpoint.Host, endpoint.Port, endpoint.Key));
    }

    [Fact]
    public void First_json_host_key_wins()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("""{"host": "primary", "server": "replica", "port": 5432}""").Endpoints);

        Assert.Equal(("primary", "host"), (endpoint.Host, endpoint.Key));
    }

    [Theory]
    [InlineData("""{"host": "postgres"}""")]
    [InlineData("""{"port": 5432, "user": "app"}""")]
    [InlineData("""{"host": 17, "port": 5432}""")]
    [InlineData("""{"host": "postgres", "port": "pg"}""")]
    [InlineData("""{"host": "postgres:5433", "port": 5432}""")]
    public void Json_host_or_port_alone_is_not_an_endpoint(string json)
    {
        Assert.DoesNotContain(ConfigValueScanner.Scan(json).Endpoints, e => e.Port == 5432);
    }

    [Fact]
    public void Json_numeric_listen_port_is_a_bind()
    {
        var result = ConfigValueScanner.Scan("""{"listen_port": 8080, "timeout": 30, "listen": ["127.0.0.1:9090", ":9091"]}""");

        Assert.Equal([("listen_port", (string?)null, 8080), ("listen", "127.0.0.1", 9090), ("listen", null, 9091)], result.Binds.Select(b => (b.Key!, b.Host, b.Port)));
        Assert.Empty(result.Endpoints);
    }

    [Theory]
    [InlineData(":8080")]
    [InlineData("name: web\n:8080")]
    public void Line_starting_with_a_colon_is_a_hostless_bind(string text)
    {
        var bind = Assert.Single(ConfigValueScanner.Scan(text).Binds);

        Assert.Equal(((string?)null, 8080), (bind.Host, bind.Port));
    }

    [Fact]
    public void Comment_lines_are_skipped()
    {
        var result = ConfigValueScanner.Scan("# legacy: http://old-api:8080\n// other: http://older-api:8080\n\napi=http://api:80");

        Assert.Equal("api", Assert.Single(result.Endpoints).Host);
    }

    [Fact]
    public void Bind_key_value_is_not_also_an_endpoint()
    {
        var result = ConfigValueScanner.Scan("bind_address=10.0.0.5:9090\nlisten_url: http://127.0.0.1:8080");

        Assert.Empty(result.Endpoints);
        Assert.Equal([("10.0.0.5", 9090), ("127.0.0.1", 8080)], result.Binds.Select(b => (b.Host!, b.Port)));
    }

    [Theory]
    [InlineData("server=sql.shop;port=1433", "sql.shop", 1433)]
    [InlineData("port=5433 host=postgres", "postgres", 5433)]
    public void Lines_starting_with_a_connection_string_key_are_whole_connection_strings(string line, string host, int port)
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan(line).Endpoints);

        Assert.Equal((host, port, (string?)null), (endpoint.Host, endpoint.Port, endpoint.Key));
    }

    [Fact]
    public void Connection_string_value_is_not_also_scanned_for_urls()
    {
        var endpoint = Assert.Single(ConfigValueScanner.Scan("DB=host=postgres port=5433 sslrootcert=http://certs:8080/ca.pem").Endpoints);

        Assert.Equal(("postgres", 5433, EndpointOrigin.ConnectionString), (endpoint.Host, endpoint.Port, endpoint.Origin));
    }
}
